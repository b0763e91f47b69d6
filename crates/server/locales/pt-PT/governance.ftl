# Gerir grupos segundo as regras (UG-2, UG-4, UG-6, UG-7, UG-8, UG-10, UG-11, UG-12, UG-13)

error-venue_not_neutral = Não é possível publicar eventos no escritório de um parceiro ou de um cliente: os eventos acontecem em terreno neutro. Escolha um coworking, uma universidade, um espaço público, um espaço de eventos ou um evento online.
error-sessions_not_approved = As sessões deste evento estão em revisão: { $pending } ainda precisam de aprovação antes da publicação.
error-over_cap = { $category }: { $amount } ultrapassa o limite da região de { $cap } por evento. Peça no máximo o limite.
error-state_conflict = Isto não pode ser feito no estado em que está agora: pode ter mudado desde que abriu a página. Recarregue a página para ver onde está.
error-open_application_exists = Já tem uma candidatura aberta para isto. Acompanhe-a na página das suas candidaturas.
error-claim_exists = Este evento já tem um pedido de reembolso pendente ou aprovado.
field-years_invalid = Indique os anos de experiência como um número inteiro de 0 a 60.
field-guidelines_not_accepted = Leia e aceite as regras para organizadores.
field-slots_required = Proponha pelo menos um horário de entrevista.
field-too_many_slots = Proponha no máximo cinco horários de entrevista.
field-slot_in_past = Os horários de entrevista devem ser pelo menos meia hora a partir de agora.
field-slot_repeated = Cada horário só pode ser proposto uma vez.
field-checklist_incomplete = Uma sessão só é aprovada quando cumpre todos os pontos da lista.
field-topic_invalid = Os temas têm 2 a 40 letras, dígitos ou caracteres - + # . /, separados por vírgulas.
field-too_many_topics = Indique no máximo dez temas.
field-past_talk_format = Escreva uma palestra por linha assim: título | link
field-too_many_past_talks = Indique no máximo dez palestras.
field-amount_invalid = Indique um valor como 120 ou 120,50.
field-claim_empty = Indique o valor de pelo menos uma categoria.
field-currency_mismatch = Os valores devem estar na moeda da região.
field-file_name_invalid = Este nome de ficheiro não pode ser usado: mude o nome (letras, dígitos, espaços, hífenes) e tente de novo.
field-file_empty = O ficheiro está vazio.
field-file_too_large = O ficheiro é demasiado grande.
field-file_type_refused = Só são aceites recibos em PDF, PNG e JPEG.
field-slot_unknown = Escolha um dos horários propostos.
field-venue-capacity = Capacidade (pessoas)
field-venue-accessibility = Notas de acessibilidade
venue-kind-hint = Não é possível publicar eventos no escritório de um parceiro ou de um cliente: os eventos acontecem em terreno neutro.

# UG-10 saúde dos grupos
mail-group-needs-support-subject = { $group } precisa de voltar a reunir-se
mail-group-needs-support-body =
    Olá { $name },

    { $group } não realiza nenhum evento há mais de três meses (último evento: há { $days } dias). Os grupos reúnem-se todos os trimestres e realizam pelo menos quatro eventos por ano.

    O seu gestor de comunidade vai contactá-lo para ajudar. Planeie o próximo evento aqui:

    { $link }
mail-group-support-task-subject = Tarefa: { $group } precisa de apoio
mail-group-support-task-body =
    Olá { $name },

    { $group } não realiza nenhum evento há mais de três meses (último evento: há { $days } dias) e está agora marcado como a precisar de apoio.

    Veja os grupos e as tarefas da região:

    { $link }
health-title = Saúde do grupo
health-days-since = Dias desde o último evento
health-never = Ainda nenhum evento realizado
health-this-year = Eventos realizados em { $year }
health-of-required = { $held } de { $required } exigidos
health-per-quarter = Eventos por trimestre
health-attendance = Participação nos últimos eventos
health-trend-rising = A participação está a subir
health-trend-steady = A participação está estável
health-trend-too_few_events = Poucos eventos para mostrar uma tendência
health-trend-falling = A participação está a descer
health-status-active = Ativo
health-status-needs_support = Precisa de apoio
health-status-archived = Arquivado
health-chart-label = Eventos realizados por trimestre em { $year } face a um por trimestre, e quantos se inscreveram e vieram aos últimos eventos
health-quarter = T{ $q }
health-q = T
coleader-wanted-title = Procura-se co-organizador
coleader-wanted-text = Os organizadores deste grupo procuram um co-organizador. Ofereça-se: conte-nos a sua experiência com a plataforma e o gestor de comunidade vai reunir-se consigo.
coleader-volunteer = Oferecer-me como co-organizador
coleader-wanted-on = Mostrar "procura-se co-organizador"
coleader-wanted-off = Deixar de procurar co-organizador
coleader-nominate = Propor um co-organizador (o email)
coleader-nominate-button = Propor
review-group-on = Exigir revisão das sessões deste grupo
review-group-off = Deixar de rever as sessões deste grupo
coleader-wanted-on-done = A página do grupo diz agora que procura um co-organizador, com uma forma de se oferecer.
coleader-wanted-off-done = O grupo já não diz que procura um co-organizador.
coleader-nominated-done = Proposto: recebeu por email um convite para se candidatar. O gestor de comunidade vê a candidatura quando ela for enviada.
review-group-on-done = A partir de agora, as sessões deste grupo são revistas antes de os participantes as verem.
review-group-off-done = As sessões deste grupo deixam de ser revistas antes de os participantes as verem.
review-event-on-done = A partir de agora, as sessões deste evento são revistas antes de os participantes as verem.
review-event-off-done = As sessões deste evento deixam de ser revistas antes de os participantes as verem.
talk-reviewed-done = A revisão foi guardada, e o orador pode ler as suas notas.
conduct-report-link = Reportar um incidente de código de conduta
conduct-title = Código de conduta

# UG-2, UG-4 emails
mail-lead-application-received-subject = Recebemos a sua candidatura para organizar { $group }
mail-lead-application-received-body =
    Olá { $name },

    Obrigado pela sua candidatura para organizar { $group }. O gestor de comunidade da região vai analisar a sua experiência e propor horários para uma entrevista.

    Acompanhe a candidatura aqui:

    { $link }
mail-lead-application-task-subject = Tarefa: { $applicant } candidata-se a organizar { $group }
mail-lead-application-task-body =
    Olá { $name },

    { $applicant } candidata-se a organizar { $group }. Analise a candidatura e proponha horários de entrevista:

    { $link }
mail-lead-nominated-subject = Foi nomeado co-organizador de { $group }
mail-lead-nominated-body =
    Olá { $name },

    Um organizador de { $group } nomeou-o como co-organizador. Se quiser, conte-nos a sua experiência com a plataforma e aceite as regras para organizadores; o gestor de comunidade vai depois entrevistá-lo.

    { $link }
mail-lead-interview-proposed-subject = Escolha um horário para a entrevista: { $group }
mail-lead-interview-proposed-body =
    Olá { $name },

    O gestor de comunidade propôs horários para a entrevista sobre organizar { $group }. Escolha o que lhe convém:

    { $link }
mail-lead-interview-scheduled-subject = A sua entrevista sobre { $group }: { $when }
mail-lead-interview-scheduled-body =
    Olá { $name },

    A sua entrevista sobre organizar { $group } é em { $when }. Adicione-a ao calendário:

    { $invite }

    A sua candidatura: { $link }
mail-lead-interview-task-subject = Entrevista marcada: { $applicant } para { $group }
mail-lead-interview-task-body =
    Olá { $name },

    { $applicant } escolheu um horário de entrevista sobre organizar { $group }.

    { $link }
mail-lead-appointed-subject = Bem-vindo, organizador de { $group }
mail-lead-appointed-body =
    Olá { $name },

    É agora organizador de { $group }. { $reason }

    A sua candidatura: { $link }
mail-lead-declined-subject = A sua candidatura para organizar { $group }
mail-lead-declined-body =
    Olá { $name },

    Obrigado pelo interesse em organizar { $group }. Desta vez não o vamos nomear, pela seguinte razão:

    { $reason }

    { $link }
mail-coleader-wanted-subject = { $group } procura um co-organizador
mail-coleader-wanted-body =
    Olá { $name },

    Os organizadores de { $group } indicaram que procuram um co-organizador. Os membros podem oferecer-se na página do grupo:

    { $link }

# UG-6 emails
mail-talk-approved-subject = Sessão aprovada: { $talk }
mail-talk-approved-body =
    Olá { $name },

    A sessão "{ $talk }" de { $event } foi aprovada. { $notes }

    { $link }
mail-talk-changes-requested-subject = Alterações pedidas: { $talk }
mail-talk-changes-requested-body =
    Olá { $name },

    A sessão "{ $talk }" de { $event } precisa de alterações antes de o evento ser publicado:

    { $notes }

    { $link }

# UG-8 emails
mail-conduct-received-subject = Recebemos o seu relato sobre { $group }
mail-conduct-received-body =
    Olá,

    Obrigado por nos contar um incidente em { $group }. As pessoas responsáveis vão analisá-lo; mais ninguém fica a saber quem o relatou. Voltaremos a escrever quando o relato for encerrado.
mail-conduct-closed-subject = O seu relato sobre { $group } foi encerrado
mail-conduct-closed-body =
    Olá,

    O relato que fez sobre { $group } está encerrado ({ $status }). Obrigado por ajudar a manter a comunidade acolhedora.
mail-conduct-task-subject = Relato de código de conduta sobre { $group }
mail-conduct-task-body =
    Olá { $name },

    Um relato de código de conduta sobre { $group } precisa da sua atenção:

    { $link }

# UG-11 emails
mail-speaker-approved-subject = Está na lista de oradores
mail-speaker-approved-body =
    Olá { $name },

    A sua candidatura a orador foi aprovada: os organizadores podem agora encontrá-lo e convidá-lo para os seus eventos. { $reason }

    { $link }
mail-speaker-declined-subject = A sua candidatura a orador
mail-speaker-declined-body =
    Olá { $name },

    A sua candidatura a orador não foi aprovada desta vez, pela seguinte razão:

    { $reason }

    Pode atualizá-la e candidatar-se de novo: { $link }
mail-speaker-invited-subject = Convite para falar em { $event }
mail-speaker-invited-body =
    Olá { $name },

    Os organizadores de { $group } convidam-no para a sessão "{ $talk }" em { $event }. Aceite ou recuse aqui:

    { $link }
mail-speaker-answered-subject = { $speaker } respondeu ao convite ({ $status })
mail-speaker-answered-body =
    Olá { $name },

    { $speaker } respondeu ao convite para "{ $talk }": { $status }.

    { $link }
mail-expert-request-task-subject = Pedido de especialista de { $group }: { $topic }
mail-expert-request-task-body =
    Olá { $name },

    { $group } pede à equipa de comunidade um especialista interno em { $topic }:

    { $link }
mail-expert-request-answered-subject = Resposta ao seu pedido de especialista: { $topic }
mail-expert-request-answered-body =
    Olá { $name },

    A equipa de comunidade respondeu ao seu pedido de especialista em { $topic }:

    { $answer }

    { $link }

# UG-13 emails
mail-claim-task-subject = Pedido de reembolso de { $group }: { $total }
mail-claim-task-body =
    Olá { $name },

    { $group } pediu o reembolso de { $total } para { $event }. Aprove-o ou rejeite-o com uma razão:

    { $link }
mail-claim-approved-subject = Reembolso aprovado: { $event }
mail-claim-approved-body =
    Olá { $name },

    O pedido de reembolso de { $total } para { $event } foi aprovado. { $reason }

    { $link }
mail-claim-rejected-subject = Reembolso rejeitado: { $event }
mail-claim-rejected-body =
    Olá { $name },

    O pedido de reembolso de { $total } para { $event } foi rejeitado, pela seguinte razão:

    { $reason }

    { $link }
field-already_leader = Este membro já organiza o grupo.
field-group_unknown = Escolha um grupo existente da região da candidatura.
field-group_required = Indique o grupo que o candidato vai organizar (crie-o primeiro).
field-event_unknown = Escolha um evento deste grupo.
field-no_fee_schedule = A região ainda não tem tabela de custos: peça a um administrador que a defina.
field-year_invalid = Escolha um ano entre 2000 e 2200.
field-speaker_not_approved = Escolha um orador da lista aprovada.
field-verdict_invalid = Escolha aprovar ou pedir alterações.
field-upload_malformed = Não foi possível ler o envio; tente de novo.

# Páginas
open = Abrir
event = Evento
field-group = Grupo
conduct-intro = Os nossos grupos são lugares onde programadores aprendem uns com os outros. Todos são bem-vindos; estes comportamentos não são, em nenhum evento ou grupo, online ou presencial.
conduct-not-accepted = Não aceite
conduct-harassment = Assédio
conduct-harassment-text = Comentários ofensivos, atenção sexual, perseguição, fotografar ou gravar quem pediu para não o ser.
conduct-discrimination = Discriminação
conduct-discrimination-text = Tratar pior as pessoas pelo género, identidade, idade, origem, religião, deficiência, aparência ou experiência.
conduct-recruitment = Recrutamento
conduct-recruitment-text = Recrutar participantes para empregos, distribuir ofertas de emprego ou recolher contactos para contratação. Os grupos existem para aprender, não para contratar.
conduct-sales-pitches = Discursos de venda
conduct-sales-pitches-text = Vender produtos ou serviços, ou promover a marca de uma empresa, nas sessões ou junto dos participantes.
conduct-intimidation = Intimidação
conduct-intimidation-text = Ameaças, comportamento agressivo, ou pressionar pessoas a beber, pagar ou partilhar dados pessoais.
conduct-unwanted-contact = Contacto indesejado
conduct-unwanted-contact-text = Contactar participantes depois de um evento sem o seu acordo.
conduct-privacy = Partilhar informação privada
conduct-privacy-text = Publicar dados pessoais de outras pessoas ou a lista de participantes.
conduct-how-to-report = Como reportar
conduct-how-to-report-text = Use a ligação "Reportar um incidente de código de conduta" em qualquer página de grupo ou evento. Não precisa de conta. O relato chega aos organizadores do grupo e ao seu gestor de comunidade; se disser respeito a um organizador, apenas ao gestor de comunidade e à equipa do programa. Mais ninguém fica a saber quem reportou.
conduct-report-hint = Conte-nos o que aconteceu, onde e quando. Não precisa de entrar, e ninguém fora das pessoas que tratam os relatos fica a saber quem é.
conduct-what-happened = O que aconteceu?
conduct-concerns-leader = Diz respeito a um dos organizadores do grupo
conduct-concerns-leader-hint = Nesse caso os organizadores do grupo não verão este relato: só o gestor de comunidade e a equipa do programa.
conduct-email = O seu email (opcional)
conduct-email-hint = Usado apenas para lhe dizer que o relato chegou e quando é encerrado. Deixe vazio para ficar anónimo.
conduct-send = Enviar o relato
conduct-report-thanks = Obrigado. O seu relato foi recebido e será tratado pelas pessoas responsáveis. Mais ninguém fica a saber quem o fez.
conduct-reports = Relatos de código de conduta
conduct-reports-none = Não há relatos para tratar.
conduct-report = Relato
conduct-received-at = Recebido
conduct-about-leader = sobre um organizador
conduct-status-received = recebido
conduct-status-investigating = em investigação
conduct-status-resolved = resolvido
conduct-status-dismissed = arquivado
conduct-notes = Notas privadas
conduct-notes-none = Ainda sem notas.
conduct-note = Nota (só quem trata o relato a pode ler)
conduct-reporter-reachable = Quem reportou deixou um endereço e será avisado quando o relato for encerrado.
conduct-reporter-anonymous = Quem reportou não deixou endereço.
nav-community = Comunidade
guidelines-title = Regras para organizadores
guidelines-version = Versão
guidelines-1 = Os grupos são gratuitos e sem fins lucrativos: sem bilhetes pagos, sem patrocínios, sem terceiros a pagar o que quer que seja.
guidelines-2 = As inscrições acontecem só aqui; divulgar noutros sítios é permitido, inscrições externas não.
guidelines-3 = Reúnam-se todos os trimestres e realizem pelo menos quatro eventos por ano; peçam ajuda ao gestor de comunidade quando não conseguirem.
guidelines-4 = As sessões são técnicas: experiência, boas práticas, casos de uso. Sem discursos de venda, sem recrutamento, sem promoção de marcas; os oradores usam o modelo neutro.
guidelines-5 = Reúnam-se em terreno neutro: coworkings, universidades, espaços públicos, espaços de eventos ou online; nunca no escritório de um parceiro ou de um cliente.
guidelines-6 = Organize como membro da comunidade, não pelo seu empregador, e respeite o código de conduta.
lead-apply-title = Candidatar-me a organizar
lead-found-title = Criar um novo grupo
lead-apply-hint = Conte-nos a sua experiência com a plataforma. O gestor de comunidade da região vai reunir-se consigo numa breve entrevista.
lead-proposed-name = Nome do novo grupo
lead-years = Anos de experiência com a plataforma
lead-certifications = Certificações
lead-projects = Projetos que construiu
lead-profile-link = Ligação para o perfil na comunidade
lead-accept = Li e aceito as
lead-apply-button = Enviar a candidatura
lead-applications = Candidaturas a organizador
lead-application = Candidatura a organizador
lead-mine = As minhas candidaturas
lead-none = Ainda não se candidatou a organizar um grupo.
lead-to-review = Para analisar
lead-progress = Progresso
lead-status-draft = por completar
lead-status-submitted = enviada
lead-status-interview_proposed = horários de entrevista propostos
lead-status-interview_scheduled = entrevista marcada
lead-status-appointed = nomeado
lead-status-declined = recusada
lead-status-withdrawn = retirada
lead-declined-because = Recusada:
lead-appointed-because = Nomeado:
lead-complete = Complete a sua candidatura
lead-interview = Entrevista
lead-pick-time = Escolha o horário que lhe convém
lead-pick-button = Marcar este horário
lead-chosen = marcado
lead-add-calendar = Adicionar a entrevista ao calendário (.ics)
lead-manager-actions = Análise
lead-propose-times = Propor horários de entrevista (o seu fuso horário)
lead-time = Horário
lead-times-hint = Preencha um a três horários; o candidato escolhe um.
lead-propose-button = Propor estes horários
lead-notes = Notas da entrevista (só gestores)
lead-appoint-group = Grupo que vai organizar
lead-appoint-group-hint = Para um grupo novo, crie primeiro o grupo e depois escolha-o aqui.
lead-reason = Razão (enviada ao candidato)
lead-appoint-button = Nomear organizador
lead-decline-button = Recusar
lead-withdraw = Retirar a minha candidatura
hub-lead = Organizar um grupo
hub-speak = Falar
hub-my-groups = Os meus grupos
hub-regions = As minhas regiões
hub-care = Cuidar da comunidade
manage-dashboard = Painel da região
manage-tasks = Tarefas em aberto
manage-no-tasks = Nada à sua espera. Muito bem.
manage-groups-health = Os grupos num relance
manage-legend = Um quadrado por trimestre: verde, houve um evento; vermelho, o trimestre passou sem nenhum; cinzento, ainda por vir ou antes de o grupo começar. A barra mostra os eventos deste ano face aos quatro exigidos.
manage-overview-label = Saúde dos grupos de { $region }
task-leader_application = Candidatura a organizador
task-session_review = Revisão de sessões
task-conduct_report = Relato de código de conduta
task-expense_claim = Pedido de reembolso
task-needs_support = Precisa de apoio
task-expert_request = Pedido de especialista
task-speaker_application = Candidatura a orador
expenses-title = Despesas
expenses-year = Ano
expenses-show = Mostrar
expenses-csv = Descarregar em CSV
expenses-none = Sem pedidos aprovados este ano.
expenses-venue = Espaço
expenses-catering = Catering
expenses-other = Outras necessidades básicas
expenses-total = Total
expenses-claims = Pedidos
claim = Pedido de reembolso
claim-new = Pedir reembolso de despesas
claim-see = Ver o pedido de reembolso
claim-hint = A equipa de comunidade cobre os custos básicos do evento até aos limites da região. Os reembolsos são pagos apenas pelo fornecedor: nenhum patrocinador ou terceiro paga.
claim-caps = Limites por evento:
claim-note = Nota
claim-receipts = Recibos
claim-receipts-hint = PDF, PNG ou JPEG.
claim-send = Enviar o pedido
claim-no-receipts = Ainda sem recibos.
claim-add-receipt = Adicionar recibos
claim-upload = Enviar
claim-decide = Decisão
claim-approve = Aprovar
claim-reject = Rejeitar
claim-reject-confirm = Os líderes do grupo recebem a sua razão por email. Podem corrigir o pedido e submetê-lo de novo; até lá nada é pago.
claim-reject-yes = Rejeitar o pedido e enviar o email aos líderes
claim-status-submitted = à espera do gestor de comunidade
claim-status-approved = aprovado
claim-status-rejected = rejeitado
claim-status-withdrawn = retirado pelos organizadores do grupo
claims = Pedidos
claims-title = Pedidos de reembolso de { $group }
claims-hint = Todos os pedidos feitos para os eventos deste grupo e em que ponto está cada um. Abra um para adicionar recibos, corrigi-lo, retirá-lo ou enviá-lo de novo depois de uma rejeição.
claims-none = Ainda não há pedidos. Um pedido é feito na página do evento, depois de o evento acontecer.
claims-event = Evento
claims-status = Estado
claims-receipts = Recibos
claim-earlier-rejection = Enviado de novo depois de uma rejeição. O motivo dado então:
claim-rejected-next = Pode corrigir os valores ou adicionar recibos e enviar o pedido de novo abaixo. Ou fazer um novo pedido na página do evento.
claim-correct = Corrigir o pedido
claim-correct-save = Guardar as correções
claim-file-again = Corrigir e enviar de novo
claim-file-again-button = Enviar o pedido de novo
claim-withdraw = Retirar o pedido
claim-withdraw-confirm = O gestor de comunidade deixará de ver este pedido. Depois pode fazer um novo pedido para o evento.
claim-withdraw-yes = Sim, retirar
claim-corrected = O pedido foi corrigido.
claim-filed-again = O pedido foi enviado de novo; o gestor de comunidade foi avisado.
claim-withdrawn = O pedido foi retirado. Pode fazer um novo na página do evento.
fees-title = Tabela de custos
fees-hint = Limites por evento, na moeda da região. Os pedidos acima de um limite são recusados.
fees-saved = A tabela de custos foi guardada.
speaker-apply = Candidatar-me a orador
speaker-apply-hint = Diga aos organizadores quem é e sobre o que fala. Um gestor de comunidade analisa a candidatura; depois de aprovada, os organizadores podem convidá-lo.
speaker-status-submitted = A sua candidatura aguarda análise
speaker-status-approved = Está na lista de oradores
speaker-status-declined = A sua candidatura foi recusada
speaker-bio = Sobre si
speaker-topics = Temas
speaker-topics-hint = Separados por vírgulas, p. ex. observabilidade, kubernetes
speaker-past-talks = Palestras anteriores com slides ou gravações
speaker-send = Enviar
speaker-invitations = Os meus convites para falar
speaker-invitations-none = Ainda sem convites.
speaker-pool = Lista de oradores
speaker-topic = Nome ou tema
speaker-search = Procurar
speaker-none = Nenhum orador aprovado corresponde.
speaker-invited = O orador foi convidado por email.
speaker-talk-title = Título da sessão
speaker-message = Mensagem
speaker-invite = Convidar
speaker-review = Candidaturas a orador
speaker-review-none = Nenhuma candidatura a orador aguarda análise.
speaker-approve = Aprovar
speaker-accept = Aceitar
speaker-find = Encontrar um orador
invitation-status-invited = à espera da sua resposta
invitation-status-accepted = aceite
invitation-status-declined = recusado
expert-title = Pedidos de especialista
expert-ask = Pedir um especialista interno
expert-topic = Tema
expert-occasion = A ocasião
expert-send = Enviar o pedido
expert-open = em aberto
expert-answered = respondido
expert-answer = Resposta
expert-answer-send = Enviar a resposta
venues-title = Registo de espaços
venue-not-for-events = não permitido para eventos
review-status-pending = revisão pendente
review-status-approved = aprovada
review-status-changes_requested = alterações pedidas
review-checklist = Lista de verificação
review-neutral_template = Usa o modelo neutro
review-no_sales_pitch = Sem discurso de venda
review-no_recruitment = Sem recrutamento
review-no_brand_promotion = Sem promoção de marca
review-notes = Notas para o orador
review-approve = Aprovar
review-request-changes = Pedir alterações
review-template = Modelo neutro de apresentação
review-template-hint = Oradores: usem-no nos vossos slides.
review-required-notice = As sessões deste evento estão em revisão: pode ser publicado quando todas forem aprovadas.
review-event-on = Exigir revisão das sessões deste evento
review-event-off = Deixar de rever as sessões deste evento
claim-event-status = O evento
claim-event-checkins = { $count ->
    [one] 1 pessoa fez check-in
   *[other] { $count } pessoas fizeram check-in
}
field-claim_event_not_held = O fornecedor paga eventos que aconteceram: este não foi realizado (tem de estar concluído com pelo menos uma pessoa com check-in).
field-claim_event_not_ended = Submeta o pedido depois do fim do evento, com os recibos do que custou.
field-claim_without_receipts = Este pedido ainda não tem recibos, por isso não pode ser aprovado. Peça ao organizador que junte um, ou rejeite-o com uma razão.
field-too_many_receipts = Este pedido já tem o número máximo de recibos. Junte-os num só PDF, ou retire um primeiro.
field-receipts_too_large = Estes recibos juntos ultrapassariam o tamanho que um pedido pode ter. Envie digitalizações mais pequenas.
field-speaker_needs_invitation = Um membro da comunidade torna-se orador ao aceitar um convite: convide-o a partir do grupo de oradores. Convidados que não são membros podem ser indicados aqui pelo nome.

# UG-1: um grupo ao longo dos anos
error-group_has_upcoming_events = { $count ->
    [one] O grupo ainda tem um evento por acontecer. Cancele-o ou deixe-o acontecer antes de arquivar o grupo.
   *[other] O grupo ainda tem { $count } eventos por acontecer. Cancele-os ou deixe-os acontecer antes de arquivar o grupo.
}
field-region_unchanged = O grupo já está nesta região: escolha outra.
group-archived-banner = Este grupo está arquivado: não organiza eventos e não aparece no diretório.
group-lifecycle = Estado do grupo
group-archive = Arquivar este grupo
group-archive-hint = Para um grupo que deixou de se reunir. Os eventos passados continuam visíveis; os organizadores são informados do motivo. Pode ser reativado mais tarde.
group-archive-reason = Motivo (os organizadores vão lê-lo)
group-archive-yes = Arquivar o grupo
group-reactivate = Reativar este grupo
group-reactivate-hint = Reativar volta a mostrar o grupo no diretório e permite aos organizadores anunciar eventos.
group-move = Mudar para outra região
group-move-hint = Os gestores de comunidade da nova região passam a acompanhar o grupo, e a tabela de custos dela aplica-se aos novos pedidos.
group-move-region = Nova região
group-move-yes = Mudar o grupo
group-archived-done = O grupo foi arquivado; os organizadores foram informados.
group-reactivated-done = O grupo está ativo de novo; os organizadores foram informados.
group-moved-done = O grupo foi mudado; os organizadores e os gestores da região foram informados.
mail-group-archived-subject = { $group } foi arquivado
mail-group-archived-body =
    Olá { $name },

    { $group } foi arquivado pela equipa de comunidade. O motivo indicado:

    { $detail }

    Os eventos passados continuam visíveis. Se o grupo voltar a reunir-se, peça ao seu gestor de comunidade que o reative:

    { $link }
mail-group-reactivated-subject = { $group } está ativo de novo
mail-group-reactivated-body =
    Olá { $name },

    { $group } foi reativado: volta a aparecer no diretório e pode anunciar o próximo evento aqui:

    { $link }
mail-group-moved-subject = { $group } mudou para { $detail }
mail-group-moved-body =
    Olá { $name },

    { $group } pertence agora à região { $detail }. Os gestores de comunidade dessa região passam a acompanhar o grupo, e a tabela de custos dela aplica-se aos novos pedidos de reembolso.

    { $link }
mail-group-joined-region-subject = { $group } juntou-se a { $region }
mail-group-joined-region-body =
    Olá { $name },

    { $group } foi mudado para { $region }, que gere. Conheça os organizadores e veja os eventos aqui:

    { $link }
error-interview_not_held = A entrevista ainda não aconteceu. Nomeie o candidato depois de o conhecer na hora marcada.
lead-appoint-after = Pode nomear o candidato depois de a entrevista acontecer: { $when }.
lead-found-group = O novo grupo
lead-found-group-hint = A nomeação cria { $name } em { $city }, com o candidato como organizador. Indique onde fica; o organizador pode editar o resto depois.
lead-appoint-no-interview = ainda não há entrevista marcada
conduct-held = chegou durante uma enxurrada
conduct-held-text = { $count ->
    [one] Um relato aberto chegou enquanto o grupo recebia muitos de uma vez. Os relatos de uma enxurrada são guardados, não recusados: leia-o e arquive-o se for ruído.
   *[other] { $count } relatos abertos chegaram enquanto o grupo recebia muitos de uma vez. Os relatos de uma enxurrada são guardados, não recusados: leia-os e arquive o ruído.
}
mail-conduct-flood-subject = Muitos relatos de código de conduta sobre { $group }
mail-conduct-flood-body =
    Olá { $name },

    { $group } está a receber muitos relatos de código de conduta de uma vez. Cada um é guardado para análise em vez de recusado, para que um relato verdadeiro não se perca no ruído. Receberá este aviso no máximo uma vez por hora; os relatos estão aqui:

    { $link }
claim-reason = Motivo (enviado aos organizadores do grupo)
conduct-filter = Que relatos
conduct-filter-all = Todos os relatos
conduct-filter-open = Relatos abertos
conduct-filter-closed = Relatos fechados
conduct-older = Relatos mais antigos
field-report_state_invalid = Escolha abertos ou fechados.
speakers-next = Mais oradores
