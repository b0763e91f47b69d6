# UG-15: seguidores e anúncios.
follow-button = Seguir
follow-hint = Os novos eventos chegam-lhe por email.
follow-following = A seguir
follow-stop = Deixar de seguir
follow-signin = Entre para seguir
follow-count = { $count ->
    [0] Ainda sem seguidores
    [one] Um seguidor
   *[other] { $count } seguidores
}
follow-done = Segue este grupo: os novos eventos ser-lhe-ão enviados por email quando forem publicados.
follow-done-named = Segue { $group }: os novos eventos ser-lhe-ão enviados por email quando forem publicados.
unfollow-done-here = Deixou de seguir este grupo. Os eventos continuam nesta página.
unfollow-title = Deixar de seguir
unfollow-ask = Deixar de receber um email quando { $group } publicar um novo evento?
unfollow-yes = Deixar de seguir
unfollow-done = Feito: deixou de seguir { $group }.
unfollow-again = Mudou de ideias? Volte a segui-lo na página do grupo:
follows-title = Grupos que segue
follows-hint = Quando um destes grupos publica um evento, recebe um email com o ficheiro de calendário.
follows-none = Ainda não segue nenhum grupo.
home-followed = Dos grupos que segue
home-followed-none = Siga um grupo para ver aqui os próximos eventos.
field-audience_unknown = Escolha na lista a quem escrever.
field-nobody_to_announce = Ainda não há ninguém neste público, ou todos desativaram os anúncios: escolha outro.
error-audience_changed = O público mudou desde que o viu: agora são { $now } pessoas. Verifique o novo número e envie de novo.
announce-title = Anúncios
announce-lead = Escreva aos líderes dos grupos de uma região ou aos membros de um programa. Antes de enviar, vê quantas pessoas alcança e a mensagem tal como será lida.
announce-hub-hint = Escreva aos líderes de uma região ou aos membros de um programa.
announce-write = Escrever um anúncio
announce-write-leaders = Escrever aos líderes desta região
announce-audience = Para
announce-to-region-leaders = Líderes dos grupos de { $region }
announce-to-program-members = Membros de { $program }
announce-preview = Verificar antes de enviar
announce-preview-hint = Ainda nada é enviado: a página seguinte mostra quantas pessoas alcança.
announce-check-title = Verifique o seu anúncio
announce-reach = { $count ->
    [0] Não alcança ninguém
    [one] Será enviado por email a uma pessoa
   *[other] Será enviado por email a { $count } pessoas
}
announce-opted-out = { $count ->
    [one] Mais uma pessoa desativou os anúncios e não o receberá.
   *[other] Mais { $count } pessoas desativaram os anúncios e não o receberão.
}
announce-send = { $count ->
    [one] Enviar a uma pessoa
   *[other] Enviar a { $count } pessoas
}
announce-change = Alterar
announce-sent = { $count ->
    [one] Enviado: está a caminho de uma pessoa.
   *[other] Enviado: está a caminho de { $count } pessoas.
}
announce-history = Enviados antes
announce-history-none = Ainda nada foi enviado.
announce-reached = { $count ->
    [one] 1 pessoa
   *[other] { $count } pessoas
}
mail-new-event-subject = Novo de { $group }: { $event }, { $when }
mail-new-event-body =
    Olá { $name },

    { $group } publicou um novo evento:

    { $event }
    { $when }
    { $place }

    Veja-o e inscreva-se: { $link }
    O ficheiro de calendário vai em anexo.

    Recebe isto porque segue { $group }. Deixe de o seguir com um clique: { $unfollow }
mail-community-announcement-subject = { $subject }
mail-community-announcement-body =
    Olá { $name },

    { $sender } escreve pela equipa da comunidade:

    { $message }

    Pode desativar os anúncios na página Emails da sua conta.
