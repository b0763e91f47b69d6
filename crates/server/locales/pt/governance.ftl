# Gerir grupos segundo as regras (UG-2, UG-4, UG-6, UG-7, UG-8, UG-10, UG-11, UG-12, UG-13)

error-venue_not_neutral = Não é possível publicar eventos num local do tipo { $kind }: os eventos acontecem em terreno neutro, por isso o escritório de um parceiro ou de um cliente não é permitido (UG-7). Escolha um coworking, uma universidade, um espaço público, um espaço de eventos ou um evento online.
error-sessions_not_approved = As sessões deste evento estão em revisão: { $pending } ainda precisam de aprovação antes da publicação.
error-over_cap = { $category }: { $amount } ultrapassa o limite da região de { $cap } por evento. Peça no máximo o limite.
error-state_conflict = Este pedido ({ $what }) não pode passar de { $from } para { $to }.
error-open_application_exists = Já tem uma candidatura aberta para isto. Acompanhe-a na página das suas candidaturas.
error-claim_exists = Este evento já tem um pedido de reembolso pendente ou aprovado.
field-capacity_invalid = Indique um número inteiro de pessoas, ou deixe vazio.
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
field-member_not_found = Nenhum membro tem este endereço de email.
field-venue-capacity = Capacidade (pessoas)
field-venue-accessibility = Notas de acessibilidade
venue-kind-hint = Não é possível publicar eventos no escritório de um parceiro ou de um cliente (UG-7).

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
health-chart-label = Eventos realizados por trimestre em { $year } face a um por trimestre, e participação nos últimos eventos
health-quarter = T{ $q }
health-q = T
coleader-wanted-title = Procura-se co-organizador
coleader-wanted-text = Os organizadores deste grupo procuram um co-organizador. Ofereça-se: conte-nos a sua experiência com a plataforma e o gestor de comunidade vai reunir-se consigo.
coleader-volunteer = Oferecer-me como co-organizador
coleader-wanted-on = Mostrar "procura-se co-organizador"
coleader-wanted-off = Deixar de procurar co-organizador
coleader-nominate = Nomear um co-organizador (o email)
coleader-nominate-button = Nomear
review-group-on = Exigir revisão das sessões deste grupo
review-group-off = Deixar de rever as sessões deste grupo
conduct-report-link = Reportar um incidente de código de conduta
conduct-title = Código de conduta
