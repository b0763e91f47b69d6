# UG-18: ofertas da lista de espera.
waitlist-mode = Quando vaga um lugar
waitlist-mode-automatic = Dá-lo de imediato à primeira pessoa em espera
waitlist-mode-offers = Oferecê-lo à primeira pessoa em espera, que o aceita com um clique
waitlist-mode-hint = Uma oferta guarda o lugar até ao seu prazo: um dia quando o evento ainda está longe, menos à medida que se aproxima, nunca além do início. Se não for aceite, passa à pessoa seguinte.
field-waitlist_mode_invalid = Escolha como um lugar vago chega à lista de espera.
mail-seat-offered-subject = Há um lugar para si, se o aceitar: { $event }
mail-seat-offered-body =
    Olá { $name },

    Vagou um lugar em { $event } ({ $group }) a { $when }, e é-lhe oferecido primeiro. Aceite-o com um clique antes de { $until }; depois disso passa à pessoa seguinte em espera:

    { $link }

    Na mesma página pode dizer que não, para que a pessoa seguinte o receba mais cedo.
mail-offer-expired-subject = O lugar passou à pessoa seguinte: { $event }
mail-offer-expired-body =
    Olá { $name },

    O lugar que lhe foi oferecido em { $event } ({ $group }) a { $when } não foi aceite a tempo, por isso passou à pessoa seguinte em espera, e o evento sai do seu calendário. Inscreva-se de novo para entrar no fim da lista de espera:

    { $link }
ticket-offered = Há um lugar para si, se o aceitar antes de { $until }. Depois disso passa à pessoa seguinte em espera.
ticket-offered-hint = Não pode ir? Desista do seu lugar abaixo, para que a pessoa seguinte o receba mais cedo.
ticket-claimed-done = O lugar é seu: o bilhete está abaixo, e o convite de calendário está no seu email.
ticket-badge-offered = Lugar oferecido
offer-title = Tem um lugar oferecido
offer-ask = Vagou um lugar em { $event } ({ $group }) a { $when }. É seu se o aceitar antes de { $until }.
offer-claim = Aceitar o meu lugar
offer-decline = Não, obrigado
offer-decline-confirm = O lugar passa à pessoa seguinte em espera, e sai da lista de espera.
offer-decline-yes = Dar o lugar à pessoa seguinte
offer-claimed = O lugar em { $event } é seu. O bilhete e o convite de calendário estão no seu email.
offer-declined = Obrigado por avisar: o lugar em { $event } passa à pessoa seguinte em espera.
offer-gone = Esta oferta terminou: o lugar em { $event } passou à pessoa seguinte em espera, ou desistiu do seu lugar. Inscreva-se de novo para entrar no fim da lista de espera.
offer-closed = Esta oferta já não pode ser aceite: o evento terminou ou foi cancelado.
attendee-offered = Lugar oferecido, ainda não aceite
door-seat-offered-text = Foi oferecido um lugar a { $name }, que ainda não o aceitou. O lugar fica guardado até a oferta terminar.
error-offer_closed = Esta oferta de lugar já não está aberta: expirou, foi recusada, ou o lugar foi para outra pessoa.
setting-events-offer-longest-hours = Oferta de lugar mais longa
setting-events-offer-longest-hours-help = Num evento que oferece os lugares vagos, quanto tempo no máximo uma oferta fica aberta, quando o evento ainda está longe. Mais perto do evento, uma oferta dura um quarto do tempo que falta.
setting-events-offer-shortest-minutes = Oferta de lugar mais curta
setting-events-offer-shortest-minutes-help = Por mais perto que o evento esteja, uma oferta fica aberta pelo menos este tempo, a não ser que o evento comece antes.
event-seat-offered = Vagou um lugar e é-lhe oferecido: aceite-o no seu bilhete antes de a oferta terminar.
event-see-offer = Aceitar ou recusar o lugar
event-offers-hint = Quando vaga um lugar, a primeira pessoa em espera recebe a oferta por email e aceita-a com um clique.
offer-title-claimed = O seu lugar
event-tally-offered = { $count ->
    [one] , 1 lugar em oferta
   *[other] , { $count } lugares em oferta
}
event-over-no-seats = Este evento terminou.
