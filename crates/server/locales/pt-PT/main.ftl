# Interface do Guildhall, português.

nav-skip = Saltar para o conteúdo
progress-look-again = Voltar a ver até onde chegou
nav-label = Principal
nav-menu = Menu
nav-messages = Mensagens
nav-admin = Administração
nav-sign-out = Sair
nav-sign-in = Entrar
nav-sign-up = Criar conta
nav-language = Idioma

home-title = A sua comunidade de programadores, num só lugar
home-lead = Grupos de utilizadores locais, os seus eventos gratuitos e os programas Champions, MVP e Ambassadors.
home-welcome-back = Bem-vindo de volta,

error-back-home = Voltar à página inicial
error-invalid_input = Alguns campos precisam da sua atenção.
error-invalid_id = Esse identificador não é válido.
error-email_taken = Já existe uma conta com este email.
error-bad_credentials = O email ou a palavra-passe estão errados.
error-email_not_verified = Confirme primeiro o seu endereço de email: use a ligação que enviámos ou peça abaixo uma ligação de entrada.
error-link_invalid = Esta ligação é inválida, expirou ou já foi usada. Peça uma nova.
error-rate_limited = Demasiadas tentativas. Aguarde um pouco e tente de novo.
error-unauthenticated = Entre primeiro na sua conta.
error-forbidden = Não tem permissão para fazer isto.
error-not_found = Não encontrámos essa página.
error-csrf_rejected = Este formulário expirou. Recarregue a página e tente de novo.
error-region_name_taken = Já existe uma região com este nome.
error-unknown_setting = Essa definição não existe.
error-internal = Algo correu mal do nosso lado. Tente mais tarde.
error-method_not_allowed = Este endereço não aceita esse tipo de pedido.
error-hint-not_found = O endereço pode estar mal escrito, ou o que mostrava foi movido ou removido. Os grupos e os seus eventos estão na página de grupos.
error-hint-method_not_allowed = Este endereço é para onde um formulário é enviado, não uma página a abrir. Volte à página onde estava o formulário e use o seu botão.
error-hint-forbidden = Se acha que devia poder, peça ao seu gestor de comunidade ou a um administrador o papel que o permite.
error-hint-internal = Ficou registado do nosso lado. Se continuar a acontecer, diga aos administradores o que estava a fazer.
error-see-groups = Procurar um grupo
error-payload_too_large = O pedido é demasiado grande.
error-unsupported_media_type = O tipo de conteúdo do pedido não é suportado.
error-bad_request = Não foi possível compreender o pedido.
error-timeout = O pedido demorou demasiado.
error-unavailable = O site não consegue chegar à base de dados neste momento. Tente de novo daqui a alguns segundos.

field-invalid = Este valor não é válido.
field-required = Este campo é obrigatório.
field-code_invalid = Cada código vai numa linha própria, até 200 caracteres: parece que foi colado outro texto.
field-too_long = É demasiado longo.
field-control_characters = Contém caracteres que não são permitidos.
field-email_invalid = Escreva um email como nome@exemplo.pt.
field-password_too_short = Use pelo menos 10 caracteres.
field-slug_invalid = Use letras minúsculas, algarismos e hífenes simples.
field-time_zone_invalid = Escreva um fuso horário como Europe/Lisbon.
field-currency_invalid = Escreva um código de moeda como EUR.
field-locale_unsupported = Este idioma não está disponível.
field-not_a_number = Escreva um número inteiro.
field-out_of_range = Este número está fora do intervalo permitido.
field-host_invalid = Escreva um nome de anfitrião por linha, como exemplo.com.
field-role_unknown = Papel desconhecido.
field-member_not_found = Nenhum membro tem este endereço de email.
field-body_unreadable = Não foi possível ler o corpo do pedido.
field-form_malformed = Não foi possível ler o formulário.
field-body_too_large = O corpo do pedido é demasiado grande.
field-json_content_type = Envie o corpo em JSON com Content-Type: application/json.
field-json_malformed = O corpo não é JSON válido com a forma esperada.

field-name = Nome
field-email = Email
field-password = Palavra-passe
field-password-hint = Pelo menos 10 caracteres. Uma frase curta é fácil de lembrar.
field-new-password = Nova palavra-passe
field-locale = Idioma
field-time-zone = Fuso horário
field-time-zone-hint = As horas são mostradas neste fuso: escolha o lugar mais perto de si.
field-time-zone-browser = Usar o fuso horário deste navegador
field-currency = Moeda
field-currency-hint = Código ISO 4217, por exemplo EUR, GBP, BRL.
field-reason = Motivo da alteração

signup-title = Crie a sua conta
signup-submit = Criar conta
signup-have-account = Já tem conta?
signup-done-title = Veja o seu email
signup-done-body = Enviámos uma ligação para confirmar o seu endereço. Abra-a para concluir o registo.

signin-title = Entrar
signin-submit = Entrar
signin-forgot = Esqueceu-se da palavra-passe?
signin-link-heading = Ou receba uma ligação de entrada por email
signin-link-submit = Enviar-me uma ligação
signin-no-account = É novo aqui?

link-confirm-title = Continuar a entrar
link-confirm-submit = Entrar
link-invalid-title = Esta ligação não funciona
link-sent-title = Veja o seu email
link-sent-body = Se existir uma conta com esse endereço, enviámos-lhe uma ligação de entrada. Funciona uma vez, durante pouco tempo.

forgot-title = Repor a palavra-passe
forgot-submit = Enviar-me uma ligação
reset-sent-title = Veja o seu email
reset-sent-body = Se existir uma conta com esse endereço, enviámos-lhe uma ligação para escolher uma nova palavra-passe.
reset-title = Escolha uma nova palavra-passe
reset-submit = Guardar palavra-passe

account-title = A sua conta
account-save = Guardar
tokens-heading = Tokens da API
tokens-created = O seu novo token. Copie-o agora: não voltará a ser mostrado.
tokens-none = Não tem tokens da API.
tokens-name = Nome do token
tokens-create = Criar token

messages-title = Mensagens
messages-none = Ainda não há mensagens.
messages-back = Todas as mensagens

admin-audit = Registo de auditoria
admin-regions = Regiões
admin-settings = Definições
admin-people = Pessoas
people-title = Pessoas e papéis
people-intro = Encontre um membro para o tornar parte da equipa dos programas, administrador ou gestor de comunidade de uma região, ou para lhe retirar um papel. A pessoa é avisada por email em ambos os casos.
people-search = Nome ou email
people-find = Procurar
people-none = Ninguém corresponde. Experimente parte do nome ou do endereço de email.
people-roles = Papéis
people-no-roles = Um membro sem papel de equipa.
people-leads = Grupos que lidera (nomeados na página de cada grupo):
people-revoke = Retirar
people-grant = Atribuir um papel
people-grant-help = A equipa dos programas avalia candidaturas, verifica contribuições e gere renovações e benefícios. Os gestores de comunidade acompanham os grupos de uma região. Os administradores atribuem papéis e mudam definições.
people-role = Papel
people-region = Região
people-no-region = Sem região
people-region-help = Só para gestor de comunidade: a região que acompanha.
people-grant-button = Atribuir o papel
people-newer = Página anterior
people-more = Página seguinte
people-done-granted = Papel atribuído. O membro foi avisado por email.
people-done-already = O membro já tinha este papel; nada mudou.
people-done-revoked = Papel retirado. O membro foi avisado por email.
role-program_staff = Equipa dos programas
role-community_manager = Gestor de comunidade
role-admin = Administrador
role-group_leader = Líder de grupo
audit-filter-entity = Id do objeto
audit-filter-action = Ação
audit-filter = Filtrar
audit-when = Quando
audit-who = Quem
audit-what = O quê
audit-object = Objeto
audit-why = Porquê
audit-entity-announcement = Anúncio
audit-entity-application = Candidatura a programa
audit-entity-benefit = Benefício
audit-entity-claim = Pedido de reembolso
audit-entity-conduct-report = Relato de conduta
audit-entity-event = Evento
audit-entity-expert-request = Pedido de especialista
audit-entity-group = Grupo
audit-entity-import = Importação
audit-entity-invitation = Convite
audit-entity-leader-application = Candidatura a organizador
audit-entity-member = Membro
audit-entity-program-application = Candidatura a programa
audit-entity-region = Região
audit-entity-registration = Inscrição
audit-entity-setting = Definição
audit-entity-venue = Local
audit-entity-walk-in = Entrada sem registo
audit-system = Sistema
audit-older = Entradas anteriores

regions-new = Nova região
regions-create = Criar região
regions-managers = Gestores de comunidade
regions-no-managers = Esta região ainda não tem gestor de comunidade.
regions-remove-manager = Remover
regions-manager-email = Email do membro
regions-add-manager = Adicionar gestor de comunidade
regions-saved = Região guardada.
regions-manager-added = Adicionado: passa a ser gestor de comunidade desta região e recebeu um email a dizê-lo.
regions-manager-already = Essa pessoa já gere esta região: nada mudou.
regions-manager-removed = Removido: deixa de gerir esta região e recebeu um email a dizê-lo.

settings-lead = Os números e listas por trás das regras. Cada alteração fica registada com o seu motivo.

mail-verify-subject = Confirme o seu endereço de email
mail-verify-body =
    Olá { $name },

    Bem-vindo ao Guildhall. Confirme o seu endereço de email abrindo esta ligação:

    { $link }

    Se não criou esta conta, pode ignorar este email.
mail-signin-link-subject = A sua ligação de entrada
mail-signin-link-body =
    Olá { $name },

    Abra esta ligação para entrar. Funciona uma vez, durante pouco tempo:

    { $link }

    Se não a pediu, pode ignorar este email.
mail-reset-subject = Repor a sua palavra-passe
mail-reset-body =
    Olá { $name },

    Abra esta ligação para escolher uma nova palavra-passe:

    { $link }

    Se não a pediu, pode ignorar este email; a sua palavra-passe mantém-se.
mail-account-exists-subject = Já tem uma conta
mail-account-exists-body =
    Olá { $name },

    Alguém tentou criar uma conta com este endereço, mas já tem uma. Entre aqui:

    { $link }

    Se não foi o próprio, não precisa de fazer nada.
mail-password-changed-subject = A sua palavra-passe foi alterada
mail-password-changed-body =
    Olá { $name },

    A sua palavra-passe acabou de ser alterada e todas as outras sessões foram terminadas. Se não foi o próprio, reponha a palavra-passe imediatamente.
mail-manager-added-subject = É agora gestor de comunidade de { $region }
mail-manager-added-body =
    Olá { $name },

    É agora gestor de comunidade da região { $region }. Verá os seus grupos, a saúde de cada um e as tarefas em aberto aqui:

    { $link }

mail-role-granted-subject = { $role ->
    [admin] É agora administrador do Guildhall
   *[program_staff] Faz agora parte da equipa dos programas
}
mail-role-granted-body =
    Olá { $name },

    { $role ->
        [admin] É agora administrador: atribui papéis, edita regiões e definições, e lê o registo de auditoria. Encontre pessoas aqui:
       *[program_staff] Faz agora parte da equipa dos programas: avalia candidaturas, verifica contribuições e gere renovações e benefícios. As candidaturas estão aqui:
    }

    { $link }
mail-role-revoked-subject = { $role ->
    [admin] Já não é administrador
    [community_manager] Já não é gestor de comunidade de { $region }
   *[program_staff] Já não faz parte da equipa dos programas
}
mail-role-revoked-body =
    Olá { $name },

    { $role ->
        [admin] Um administrador retirou-lhe o papel de administrador.
        [community_manager] Um administrador retirou-lhe o papel de gestor de comunidade de { $region }.
       *[program_staff] Um administrador retirou-lhe o papel na equipa dos programas.
    } A sua conta e tudo o resto que faz aqui ficam como estavam. Se acha que é um engano, responda a um administrador da sua comunidade.

    { $link }

## Grupos e eventos (UG-1, UG-5, UG-14)
error-slug_taken = Outro grupo já usa este endereço. Escolha outro.
error-already_registered = Já está inscrito neste evento.
error-registration_closed = As inscrições não estão abertas para este evento.
error-event_state_conflict = { $to ->
    [check_in] { $from ->
        [draft] Ainda ninguém pode entrar: o evento é um rascunho. Publique-o primeiro.
        [cancelled] Ninguém pode entrar: o evento foi cancelado.
       *[other] Ninguém pode entrar à porta deste evento agora.
    }
    [edited] { $from ->
        [cancelled] Um evento cancelado já não pode ser alterado.
        [completed] Um evento concluído já não pode ser alterado.
       *[other] O evento já não pode ser alterado.
    }
    [published] { $from ->
        [published] O evento já está publicado.
        [cancelled] Um evento cancelado não pode voltar a ser publicado: crie um evento novo.
       *[other] O evento não pode ser publicado a partir do estado atual.
    }
    [cancelled] { $from ->
        [cancelled] O evento já foi cancelado.
        [completed] Um evento concluído não pode ser cancelado.
       *[other] O evento não pode ser cancelado a partir do estado atual.
    }
    [completed] { $from ->
        [draft] Um rascunho não pode ser marcado como concluído: publique-o e realize-o primeiro.
        [completed] O evento já está marcado como concluído.
        [cancelled] Um evento cancelado não pode ser marcado como concluído.
       *[other] O evento ainda não pode ser marcado como concluído.
    }
    [materials_added] { $from ->
        [draft] Os diapositivos e gravações adicionam-se quando o evento estiver publicado.
       *[other] Um evento cancelado não tem diapositivos nem gravações a adicionar.
    }
    [materials_sent] Os diapositivos e gravações enviam-se quando o evento estiver marcado como concluído.
   *[other] O evento não pode mudar dessa forma a partir do estado atual.
}
error-ticket_invalid = Este bilhete não é válido para este evento: desconhecido, cancelado ou ainda em lista de espera.
error-checked_in_already = A entrada neste evento já foi registada, por isso esta inscrição já não pode ser cancelada.
field-country_invalid = Escolha um país da lista (na API, o código de duas letras, como PT).
field-link_invalid = Indique um endereço completo começado por https://.
field-registration_link_refused = As inscrições fazem-se aqui no Guildhall: não são permitidas ligações para sites de bilhética ou de inscrição. Ligue antes para outras páginas sobre o evento.
field-too_many_links = No máximo 10 ligações.
field-capacity_invalid = Indique quantas pessoas podem participar, de 1 a 100000.
field-capacity_below_confirmed = Já há mais pessoas confirmadas do que isto. A lotação só pode descer até ao número de confirmados.
field-datetime_invalid = Indique data e hora como 2026-12-01T18:30.
field-time_skipped_by_dst = Esta hora não existe no fuso horário do grupo: os relógios saltam-na quando começa a hora de verão.
field-ends_before_start = O fim tem de ser depois do início.
field-event_too_long = Um evento dura no máximo 14 dias.
field-location_required = Escolha um local ou indique uma ligação online antes de publicar.
field-event_in_past = Este evento já terminou.
field-event_not_started = Um evento só pode ser concluído depois de começar.
field-status_invalid = Estado desconhecido.
field-venue_kind_invalid = Escolha um tipo de local da lista.
field-venue_unknown = Escolha um local da lista.
field-region_unknown = Escolha uma região da lista.
field-group_archived = Este grupo está arquivado.
field-ticket_code_invalid = Um código de bilhete tem 8 letras e algarismos, como ABCD-EF23.
mail-leader-added-subject = É agora organizador de { $group }
mail-leader-added-body =
    Olá { $name },

    É agora organizador de { $group }. Crie o próximo evento aqui:

    { $link }
mail-registered-subject = Inscrição confirmada: { $event }
mail-registered-body =
    Olá { $name },

    O seu lugar em { $event } ({ $group }) a { $when } está confirmado. O seu bilhete, com o código a mostrar à entrada:

    { $link }

    Não pode ir? Cancele na página do bilhete para que alguém da lista de espera fique com o lugar.
mail-waitlisted-subject = Lista de espera: { $event }
mail-waitlisted-body =
    Olá { $name },

    { $event } ({ $group }) a { $when } está esgotado. É o número { $position } na lista de espera; enviamos-lhe um email assim que houver lugar.

    { $link }
mail-promoted-subject = Vagou um lugar: { $event }
mail-promoted-body =
    Olá { $name },

    Boas notícias: vagou um lugar em { $event } ({ $group }) a { $when }, e é seu. O seu bilhete:

    { $link }
mail-event-completed-subject = { $event } está concluído: { $checked_in } registos de entrada
mail-event-completed-body =
    Olá { $name },

    { $event } ({ $group }) terminou e está agora marcado como concluído. { $checked_in } pessoas tiveram a entrada registada à porta; um evento com pelo menos uma entrada conta como realizado para a saúde do seu grupo.

    Confirme as entradas, por favor: se alguém veio mas não teve a entrada registada, ainda pode registá-la até { $door_closes }.

    { $link }
mail-event-changed-subject = Alterado: { $event }, { $when }
mail-event-changed-body =
    Olá { $name },

    Os organizadores de { $event } ({ $group }) alteraram-no:

    { $changes }

    O convite de calendário em anexo substitui o que tem. Tudo o resto fica como estava: o seu lugar, ou o seu lugar na lista de espera, mantém-se. Se já não puder vir, cancele na página do evento para que alguém em espera fique com o lugar.

    { $link }
event-change-time = Quando: { $old } → agora { $new }
event-change-place = Onde: { $old } → agora { $new }
event-change-link = A ligação online mudou: abra a página do evento para entrar.
event-change-online = Online
mail-event-message-subject = { $event }: { $subject }
mail-event-message-body =
    Olá { $name },

    Os organizadores de { $event } ({ $group }) escrevem:

    { $message }

    { $link }
mail-event-cancelled-subject = Cancelado: { $event }
mail-event-cancelled-body =
    Olá { $name },

    Lamentamos: { $event } ({ $group }), previsto para { $when }, foi cancelado pelos organizadores.{ $reason }

    { $link }
mail-event-cancelled-reason = {" "}Escreveram: “{ $reason }”
mail-reminder-subject = Lembrete: { $event }, { $when }
mail-reminder-body =
    Olá { $name },

    Até breve em { $event } ({ $group }) a { $when }. O seu bilhete:

    { $link }

    Afinal não pode ir? Liberte o seu lugar com um clique, e a próxima pessoa em espera fica com ele:

    { $release }
nav-groups = Grupos
nav-tickets = Os meus bilhetes
breadcrumb = Navegação
form-save = Guardar
home-coming-up = Brevemente
home-find-group = Encontre um grupo perto de si
groups-title = Grupos de utilizadores
groups-search = Nome ou cidade
groups-search-hint = p. ex. Lisboa
groups-region = Região
groups-leaders = Organizadores
groups-leaders-hint = O email de cada primeiro organizador, separados por vírgulas. Cada um já tem de ter conta; todos os grupos têm pelo menos um organizador.
field-leaders_required = Indique pelo menos um organizador: todos os grupos têm um.
error-last_leader = Este é o único organizador do grupo. Nomeie primeiro outro organizador e depois remova este, ou arquive o grupo.
groups-country = País
groups-any = Qualquer
groups-none-match = Nenhum grupo corresponde a esta pesquisa: experimente outra grafia, o outro nome da cidade, ou menos filtros.
groups-show-all = Mostrar todos os grupos
groups-none-near = Ainda não há um grupo perto de si? São voluntários que os começam, e nós ajudamos.
groups-start-one = Candidatar-se a começar ou organizar um grupo
groups-filter = Mostrar grupos
groups-new = Novo grupo
groups-count = { $count ->
    [one] Um grupo
   *[other] { $count } grupos
}
group-needs-support = precisa de apoio
group-edit = Editar grupo
group-upcoming = Próximos eventos
group-past = Eventos anteriores
group-no-upcoming = Ainda não há eventos planeados.
group-no-past = Ainda não há eventos anteriores.
group-subscribe = Não perca nenhum evento:
group-subscribe-app = subscreva na sua aplicação de calendário
group-leaders = Organizadores
group-leader-add = Nomear um organizador por email
group-leader-appoint = Nomear
group-leader-remove = Remover
group-appoint-hint = Nomear torna a pessoa organizadora já: pode editar o grupo e gerir os eventos de imediato. Para que se candidate e seja entrevistada primeiro, proponha-a.
group-nominate-hint = Propor convida a pessoa a candidatar-se: conta a sua experiência e aceita as regras para organizadores, e o gestor de comunidade entrevista-a. Só organiza depois de nomeada.
field-slug = Endereço web
field-slug-hint = Letras minúsculas, algarismos e hífenes. Deixe vazio para criar a partir do nome.
field-city = Cidade
field-country = País
field-group-time-zone-hint = Os eventos do grupo são indicados e mostrados neste fuso: o lugar onde se encontra.
field-description = Descrição
field-title = Título
field-abstract = Resumo
field-speakers = Oradores
field-speakers-hint = Convidados que não são membros, um por linha, pelo nome. Para um membro falar, procure-o pelo nome na lista de oradores e convide-o.
field-starts-at = Início
field-ends-at = Fim
field-capacity = Lotação
field-venue = Local
field-venue-none = Sem local (só online)
field-online-link = Ligação online
field-online-link-hint = Só é mostrada a quem tem lugar confirmado.
field-promotion-links = Ligações de divulgação
field-promotion-links-hint = Uma por linha: slides, artigos, vídeos. Não sites de bilhética ou inscrição: as inscrições fazem-se aqui.
field-ticket-code = Código do bilhete
event-new = Novo evento
event-edit = Editar evento
event-times-in-zone = As horas estão no fuso horário do grupo, { $zone }.
event-status-draft = Rascunho: só os organizadores do grupo o veem
event-status-published = Publicado
event-status-cancelled = Cancelado
event-status-completed = Concluído
event-online = online
event-talks = Sessões
event-links = Ligações
event-attend = Participar
event-where = Onde:
event-online-link = Entrar online:
event-online-hidden = Online: a ligação aparece aqui quando o seu lugar estiver confirmado.
event-seats = { $left } de { $capacity } lugares livres
event-waiting = { $count } em espera
event-free = Gratuito: a inscrição nunca pede pagamento.
event-you-are-in = Está inscrito. Até lá!
event-you-wait = É o número { $position } na lista de espera. Enviamos-lhe um email se vagar um lugar.
event-see-ticket = Ver o seu bilhete
event-register = Inscrever-me
event-join-waitlist = Entrar na lista de espera
event-signin-to-register = Entre para se inscrever
event-add-calendar = Adicionar ao calendário
event-manage = Gerir este evento
event-tally = { $confirmed ->
    [one] 1 confirmado
   *[other] { $confirmed } confirmados
}, { $waiting } em espera, { $checked } com entrada registada
event-held = realizado
event-attendees = Participantes e entrada
event-publish = Publicar
event-complete = Marcar como concluído
event-cancel = Cancelar evento…
event-cancel-title = Cancelar este evento?
event-cancelled-reason = Os organizadores cancelaram-no e escreveram: “{ $reason }”
event-cancel-walk-ins = { $count ->
    [one] Uma pessoa que entrou à porta sem inscrição não recebe email.
   *[other] { $count } pessoas que entraram à porta sem inscrição não recebem email.
}
event-cancel-who = { $count ->
    [0] Ninguém está inscrito, por isso ninguém recebe email.
    [one] Uma pessoa recebe um email: { $confirmed } com lugar, { $waiting } na lista de espera.
   *[other] { $count } pessoas recebem um email: { $confirmed } com lugar e { $waiting } na lista de espera.
}
event-cancel-final = Não se pode desfazer: um evento cancelado não volta a ser publicado. Para o fazer mais tarde, crie um novo evento.
event-cancel-reason = Porque é cancelado?
event-cancel-reason-hint = Quem recebe o email lê este motivo; fica também no registo de auditoria.
event-cancel-confirm = Cancelar o evento e avisá-los
event-cancel-confirm-nobody = Cancelar o evento
event-cancel-keep = Manter o evento
talk-add = Adicionar sessão
talk-remove = Remover sessão
talk-removed-done = A sessão foi retirada do programa.
ticket-title = Bilhete
ticket-qr = Código QR do seu bilhete
ticket-show-at-door = Mostre este código ou a imagem QR à entrada.
ticket-event-page = Página do evento
ticket-cancel = Cancelar a minha inscrição
ticket-held-by = Este bilhete é de { $name }: vê-o porque organiza o grupo.
ticket-cancel-theirs = Cancelar esta inscrição
ticket-checked-in = A sua entrada foi registada. Bom evento!
ticket-event-cancelled = O grupo cancelou este evento. O seu lugar já não vale; veja os próximos eventos na página do grupo.
ticket-given-up = Desistiu deste lugar. Pode inscrever-se de novo na página do evento enquanto aceitar inscrições.
ticket-ended = Este evento já terminou.
ticket-badge-ended = terminou
ticket-cancel-confirm = O seu lugar passa para a primeira pessoa na lista de espera, que recebe um email. Se mudar de ideias, volta ao fim da fila.
ticket-cancel-waiting-confirm = Sai da lista de espera. Se mudar de ideias, volta ao fim da fila.
ticket-cancel-yes = Sim, desistir deste lugar
tickets-none = Ainda não tem bilhetes.
tickets-find = Encontrar um evento
checkin-by-code = Registar entrada por código
checkin-button = Registar entrada
walkin-title = Deixar entrar à porta
walkin-button = Deixar entrar
walkin-email = Email (opcional)
walkin-hint = Com o email da conta de um membro, fica inscrito e com entrada registada. Sem ele, entra pelo nome e ocupa um lugar livre.
attendee-walk-in = à porta
door-walk-ins-count = { $count ->
    [one] 1 entrou sem conta
   *[other] { $count } entraram sem conta
}
door-walk-in-erased = (nome apagado)
door-search = Procurar pelo nome
door-search-button = Procurar
door-nobody-yet = Ainda ninguém se inscreveu.
door-nobody-by-name = Ninguém na lista tem esse nome. Verifique a escrita, ou deixe entrar à porta.
door-in = Entrada registada
door-in-text = { $name } entrou.
door-walk-in-text = { $name } entrou, à porta.
door-already = Já tinha entrado
door-already-text = A entrada de { $name } foi registada às { $time }: o mesmo bilhete mostrado duas vezes.
door-waiting = Na lista de espera
door-waiting-text = { $name } é o número { $position } na lista de espera e ainda não tem lugar.
door-gave-up = Lugar cancelado
door-gave-up-text = { $name } desistiu deste lugar. Se houver um lugar livre, deixe entrar à porta.
error-event_full = O evento está cheio: os { $capacity } lugares estão ocupados. Aumente a capacidade na página de edição do evento para deixar entrar mais alguém.
door-unknown = Sem inscrição
door-unknown-text = Nenhum lugar deste evento tem este código. Verifique o código, ou procure pelo nome abaixo.
attendee-status = Estado
attendee-checkin = Entrada
attendee-confirmed = confirmado
attendee-waiting = em espera
attendee-checked-in = entrada registada
venue-kind-coworking = coworking
venue-kind-university = universidade
venue-kind-public_venue = espaço público
venue-kind-event_space = espaço de eventos
venue-kind-online = online
venue-kind-partner_office = escritório de parceiro
venue-kind-client_office = escritório de cliente
venue-kind-vendor_office = escritório do fabricante
venue-kind-other = outro
venue-new = Adicionar um local
venue-new-hint = Os locais são partilhados por todos os grupos. Prefira espaços neutros: coworkings, universidades, espaços públicos.
venue-add-link = Não está na lista? Adicione um local
field-address = Morada
field-venue-kind = Tipo de local
event-signin-to-wait = Entre para ficar na lista de espera
field-password_wrong = Esta não é a sua palavra-passe atual.
account-password-heading = Palavra-passe
account-current-password = Palavra-passe atual
account-new-password = Nova palavra-passe
account-change-password = Mudar a palavra-passe
account-password-changed = A sua palavra-passe foi mudada; as suas outras sessões foram terminadas.
account-sessions-heading = Sessões
account-sessions-hint = Entrou num computador que já não usa? Termine todas as sessões, incluindo esta.
account-sign-out-everywhere = Terminar todas as sessões
tokens-revoke = Revogar
tokens-last-used = último uso
tokens-never-used = nunca usado
account-data-heading = Os seus dados
account-data-hint = Um ficheiro JSON com tudo o que o Guildhall guarda sobre si: perfil, papéis, inscrições e check-ins, contribuições, candidaturas, participações, códigos de benefícios, mensagens, despesas e os registos de auditoria sobre si.
account-data-download = Descarregar os meus dados
account-delete-heading = Apagar a minha conta
account-delete-hint = O seu nome, endereço, sessões, tokens e mensagens são apagados. As suas inscrições, check-ins e contribuições ficam sem o seu nome, para que as contagens dos eventos e o histórico dos programas se mantenham verdadeiros. Não pode ser desfeito.
account-delete-confirm = Escreva o seu endereço de email para confirmar
account-delete-button = Apagar a minha conta
field-confirm_email_mismatch = Este não é o seu endereço de email.

mail-link-removed = (uma ligação de uso único, enviada só por email e não guardada aqui)
mail-account-unconfirmed-subject = Termine a configuração da sua conta
mail-account-unconfirmed-body =
    Olá { $name },

    Alguém criou uma conta com este endereço, mas o endereço nunca foi confirmado. Se foi você, ou se quer a conta agora, escolha a sua palavra-passe com esta ligação. Ela confirma o endereço, e qualquer palavra-passe escolhida antes deixa de funcionar:

    { $link }

    Se não quer uma conta, ignore este email: ninguém pode entrar até o endereço ser confirmado.
verify-title = Confirme o seu endereço de email
verify-lead = Escreva a palavra-passe que escolheu ao criar a conta para terminar. Se não foi você que criou a conta, ou não se lembra dela, deixe o campo vazio: o endereço fica confirmado para si, nenhuma palavra-passe escolhida antes é mantida, e escolhe a sua a seguir.
verify-submit = Confirmar o meu endereço
field-password_not_this_signup = Esta não é a palavra-passe escolhida ao criar a conta. Tente de novo, ou deixe o campo vazio para escolher uma nova.
reset-revoke-tokens = Revogar também os meus tokens de API (os programas que os usam deixam de funcionar)
verify-done-choose-password = O seu endereço está confirmado. Escolha a sua palavra-passe para terminar.
field-invisible_characters = Retire os caracteres invisíveis (marcas de direção, espaços de largura zero): fazem o texto parecer o que não é.
field-slug_reserved = Este endereço é usado pelas páginas do próprio site. Escolha outro, por exemplo acrescentando a cidade.
field-event_not_ended = Um evento só pode ser marcado como concluído depois de terminar. Volte quando acabar.
field-event_moved_into_past = Um evento publicado não pode ser movido para o passado. Para registar uma mudança de planos, cancele-o e avise os participantes.
field-event_too_far_past = Esse início foi há demasiado tempo. Verifique o ano: os eventos podem ter datas até ao limite das definições (cinco anos por omissão) antes ou depois de hoje.
field-event_too_far_ahead = Essa data está demasiado longe. Verifique o ano: os eventos podem ser planeados até ao limite das definições (cinco anos por omissão).
field-door_not_open_yet = O check-in ainda não abriu: a página dos participantes diz quando abre.
field-door_closed = O check-in deste evento já fechou: a página dos participantes diz quando fechou.
field-register_others_at_door = Só pode inscrever outra pessoa à porta, enquanto o check-in está aberto. Fora disso, envie-lhe a página do evento: a pessoa inscreve-se.
message-title = Escrever aos inscritos
message-audience = Para
message-audience-all = Todos os inscritos (com lugar e em espera)
message-audience-confirmed = Quem tem lugar
message-audience-waiting = A lista de espera
message-audience-checked-in = Quem teve a entrada registada
message-subject = Assunto
message-body = Mensagem
message-send = Enviar
message-sent = A sua mensagem vai a caminho de { $count } pessoas.
field-audience_invalid = Escolha a quem se destina a mensagem.
field-nobody_to_message = Ainda não há ninguém neste grupo de inscritos: escolha outro, ou escreva mais tarde.
field-manager_needs_region = Um gestor de comunidade acompanha uma região: escolha-a.
emails-title = Preferências de email
emails-lead = Escolha que emails opcionais recebe. Cada um tem também uma ligação para cancelar a subscrição.
emails-optional = Emails opcionais
emails-topic-reminders = Lembretes antes dos eventos em que me inscrevi
emails-topic-reminders-hint = Enviados na véspera, com o seu bilhete.
emails-topic-announcements = Mensagens dos organizadores dos meus eventos
emails-topic-announcements-hint = O que os organizadores de um grupo escrevem aos inscritos num dos seus eventos.
emails-essential = Alguns emails são sempre enviados, porque precisa deles: inscrições e bilhetes, mudanças de hora ou local de um evento, cancelamentos, ligações de entrada e decisões sobre as suas candidaturas.
emails-saved = As suas preferências de email foram guardadas.
emails-account-hint = Os lembretes e as mensagens dos organizadores são opcionais.
emails-choose = Escolher os seus emails
unsubscribe-title = Cancelar subscrição
unsubscribe-ask = Deixar de receber estes emails: { $topic }?
unsubscribe-yes = Cancelar subscrição
unsubscribe-done = Feito: deixará de receber estes emails: { $topic }.
unsubscribe-change = Pode voltar a ativá-los a qualquer momento nas suas
talk-edit = Editar esta sessão
talk-edit-review = As sessões deste evento são revistas: guardar envia a sessão de novo aos revisores, e os participantes voltam a vê-la quando for aprovada.
talk-edit-save = Guardar a sessão
field-cursor_invalid = Esta ligação de página já não é válida. Recomece na primeira página.
picker-find = Procurar
picker-hint = Escreva parte do nome; acentos e maiúsculas não importam.
picker-none = Ninguém com conta confirmada tem esse nome. Verifique a ortografia, ou use o endereço de email.
picker-found = Pessoas encontradas
picker-by-email = Ou use o endereço de email
picker-appoint = Procurar um co-organizador pelo nome
picker-nominate = Procurar pelo nome alguém a propor
picker-speaker = Procurar um membro para orador
picker-add-speaker = Adicionar como orador
picker-manager = Procurar um gestor de comunidade pelo nome
picker-more = Há mais pessoas com esse nome do que as mostradas: escreva mais do nome.
door-opens-at = O check-in abre às { $time }. Até lá esta página mostra quem vem; os botões respondem quando a porta abrir.
door-closed-at = O check-in fechou às { $time }. A lista mostra quem veio.
account-verified-notice = O seu endereço está confirmado e já entrou. Bem-vindo! Encontre um grupo para seguir, ou um evento a que ir.
account-saved-notice = Guardado: o seu nome, idioma e fuso horário são os que vê abaixo.
directory-saved-listed = Guardado: aparece no diretório público como vê abaixo.
directory-saved-unlisted = Guardado: não aparece no diretório público. Marque a caixa e guarde para aparecer.
event-cancelled-no-seats = Este evento foi cancelado: não há inscrições. Os outros eventos do grupo estão na página do grupo.
event-published-done = Publicado: os membros já se podem inscrever, e quem segue o grupo recebe um email.
event-completed-done = Marcado como concluído: conta como realizado se alguém deu entrada.
group-saved-done = A página do grupo foi guardada.
venue-created-done = O espaço foi acrescentado ao registo abaixo: escolha-o no formulário de um evento.
