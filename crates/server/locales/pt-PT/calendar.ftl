# UG-17: calendários que acompanham cada mudança.
calendar-feed-mine = Os meus eventos
account-calendar-heading = O seu calendário
account-calendar-intro = Subscreva uma vez e cada evento em que se inscrever aparece na sua aplicação de calendário. Novas horas, novos locais e cancelamentos chegam por si.
account-calendar-address = O endereço privado do seu calendário
account-calendar-private = Guarde este endereço para si: quem o tiver vê os eventos em que se inscreveu.
account-calendar-subscribe = Subscrever na sua aplicação de calendário
account-calendar-make = Criar o endereço do meu calendário
account-calendar-replace = Criar um novo endereço
account-calendar-replace-hint = O endereço atual deixa de funcionar de imediato: subscreva de novo com o novo.
account-calendar-off = Desligar o meu calendário
account-calendar-off-hint = O endereço deixa de funcionar. Pode criar um novo quando quiser.
account-calendar-made = O endereço do seu calendário está pronto. Cole-o na sua aplicação de calendário, ou use a ligação para subscrever.
account-calendar-replaced = Há um novo endereço e o antigo já não funciona. Subscreva de novo com este.
account-calendar-turned-off = O seu calendário está desligado: o endereço já não funciona.
account-calendar-was-off = O seu calendário já estava desligado. Nada mudou.
account-calendar-howto = Como subscrever
account-calendar-google = Google Calendar, num computador: junto a "Outros calendários" carregue em +, depois "A partir do URL", e cole o endereço. A Google lê-o de novo de poucas em poucas horas.
account-calendar-outlook = Outlook: "Adicionar calendário", depois "Subscrever a partir da Web", e cole o endereço.
account-calendar-apple = Calendário da Apple: Ficheiro, depois "Nova subscrição de calendário", e cole o endereço. Num iPhone, abra a ligação para subscrever.
account-calendar-copy = Copiar o endereço
account-calendar-copied = Copiado
tickets-calendar-hint = Quer estes eventos na sua aplicação de calendário? Subscreva o seu calendário privado na página da sua conta.
tickets-calendar-link = O seu calendário
mail-registration-cancelled-subject = O seu lugar foi libertado: { $event }
mail-registration-cancelled-body =
    Olá { $name },

    A sua inscrição em { $event } ({ $group }) a { $when } foi cancelada, e o evento sai do seu calendário. Mudou de ideias? Inscreva-se de novo enquanto houver lugares:

    { $link }
groups-region-subscribe = Todos os eventos de todos os grupos de { $region }:
series-subscribe = Todas as datas desta série:
field-too_many_reminders = Indique no máximo cinco momentos de lembrete.
release-title = Não pode ir?
release-ask = Libertar o seu lugar em { $event } ({ $group }) a { $when }? A próxima pessoa em espera fica com ele e recebe um email de imediato.
release-yes = Libertar o meu lugar
release-keep = Afinal vai? Nada muda enquanto não carregar no botão.
release-done = Obrigado: o seu lugar em { $event } está livre, e a próxima pessoa em espera ficou com ele. Sai também do seu calendário.
release-already = O seu lugar em { $event } já estava libertado. Nada mudou.
release-again = Mudou de ideias? Inscreva-se de novo enquanto houver lugares:
release-checked-in = Já deu entrada no evento: essa presença fica como está.
release-closed = Este evento terminou ou foi cancelado, por isso não há lugar a libertar.
materials-slides = Diapositivos
materials-recording = Gravação
materials-edit = Adicionar diapositivos e gravação
materials-slides-field = Diapositivos (um endereço web)
materials-recording-field = Gravação (um endereço web)
materials-edit-hint = Aparecem nesta página para todos. Deixe um campo vazio para retirar a sua ligação.
materials-save = Guardar as ligações
materials-saved-done = As ligações foram guardadas e aparecem com a sessão.
materials-send-heading = Diapositivos e gravações para quem veio
materials-send-who = { $count ->
    [0] Ninguém com conta deu entrada, por isso ninguém receberia o email.
    [one] A pessoa que deu entrada com conta recebe um email com as ligações de cada sessão, exceto se desligou as mensagens dos organizadores.
   *[other] As { $count } pessoas que deram entrada com conta recebem um email com as ligações de cada sessão, exceto quem desligou as mensagens dos organizadores.
}
materials-send = Enviar os diapositivos e gravações por email
materials-sent-at = Enviado a { $at }.
materials-send-again = Enviar de novo (depois de acrescentar ligações)
materials-send-again-yes = Enviar de novo
materials-sent-done = Os diapositivos e gravações vão a caminho de todos os que vieram.
field-materials_none = Nenhuma sessão tem ainda diapositivos ou gravação: acrescente primeiro uma ligação a uma sessão.
mail-event-materials-subject = Diapositivos e gravações: { $event }
mail-event-materials-body =
    Olá { $name },

    Obrigado por ter vindo a { $event } ({ $group }). Aqui estão os diapositivos e gravações das sessões:

    { $materials }

    A página do evento também os guarda: { $link }
