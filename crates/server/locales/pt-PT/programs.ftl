# O programa Champions e os seus irmãos (CH-1 a CH-9, PL-2)

mail-program-submitted-subject = Obrigado pela sua candidatura a { $program }
mail-program-submitted-body =
    Olá { $name },

    Obrigado pela sua candidatura ao programa { $program }. A equipa vai contactá-lo em breve.

    A sua candidatura: { $link }
mail-program-interview-subject = { $program }: vamos conversar
mail-program-interview-body =
    Olá { $name },

    A sua candidatura a { $program } passou a triagem. A equipa dos programas vai propor horários para uma entrevista.

    { $link }
mail-program-interview-proposed-subject = { $program }: escolha um horário para a entrevista
mail-program-interview-proposed-body =
    Olá { $name },

    Foram propostos horários para a sua entrevista de { $program }. Escolha o que lhe convier:

    { $link }
mail-program-interview-scheduled-subject = A sua entrevista de { $program }: { $when }
mail-program-interview-scheduled-body =
    Olá { $name },

    A sua entrevista de { $program } é a { $when }. Adicione-a ao seu calendário:

    { $invite }

    A sua candidatura: { $link }
mail-program-not-selected-subject = A sua candidatura a { $program }
mail-program-not-selected-body =
    Olá { $name },

    Obrigado pela sua candidatura a { $program }. Desta vez não foi selecionada, porque estes critérios ainda não estão cumpridos:

    { $criteria }

    Pode candidatar-se de novo quando estiverem. { $link }
mail-program-accepted-subject = Bem-vindo a { $program }!
mail-program-accepted-body =
    Olá { $name },

    Bem-vindo ao programa { $program }! A sua participação começa hoje.

    { $link }
mail-program-declined-subject = A sua candidatura a { $program }
mail-program-declined-body =
    Olá { $name },

    Obrigado pela sua candidatura a { $program }. Desta vez não a vamos aceitar, pela seguinte razão:

    { $reason }

    { $link }
field-self_reported_only = Os membros registam os seus contributos como autodeclarados; a equipa do programa verifica-os.
field-derived_is_computed = Os contributos dos eventos desta plataforma contam por si.
error-already_member = Este membro já pertence a este programa.
error-program_full = O programa está cheio: os { $cap } lugares estão ocupados. Termine primeiro uma participação, ou aumente o limite na página dos programas.
error-nda_required = O NDA tem de estar assinado até à data de início. Registe primeiro na candidatura a data em que foi assinado.
error-champion_and_mvp_exclusive = Ninguém é Champion e MVP ao mesmo tempo: faça uma transferência.
error-last_admin = Este é o último administrador. Torne primeiro outra pessoa administradora, para que alguém possa continuar a atribuir papéis.
field-role_not_grantable = Os líderes de grupo são nomeados na página do grupo ou a partir de uma candidatura a líder.
field-transfer_before_start = O título atual deste membro começou hoje, e uma transferência termina-o na véspera do novo: aceite de novo a partir de amanhã.
field-benefit_already_claimed = Já pediu este benefício este ano.
field-no_codes_left = Não há códigos disponíveis para este benefício.
field-not_an_active_member = Os benefícios são para membros ativos dos programas.
field-focus_area_invalid = Escolha uma das áreas de foco.
field-program_invalid = Escolha champions, mvp ou ambassadors.
field-kind_invalid = Escolha um tipo de contributo.
field-rating_invalid = Dê uma classificação de 0,0 a 5,0.
field-format_invalid = Escolha um formato de conteúdo.
field-source_invalid = Escolha derivado, importado ou autodeclarado.
field-verification_invalid = Escolha não verificado, verificado ou rejeitado.
field-stage_invalid = Fase desconhecida.
field-word_invalid = Use palavras curtas separadas por vírgulas.
field-date_invalid = Indique uma data no formato AAAA-MM-DD.
program-champions = Champions
program-mvp = MVP
program-ambassadors = Embaixadores
area-forums = Fóruns
area-forge = Forge
area-organizing_events = Organizar eventos
area-speaking = Falar em eventos
area-technical_content = Conteúdo técnico
area-mentoring = Mentoria
stage-draft = rascunho
stage-submitted = enviada
stage-screening = em triagem
stage-not_selected = não selecionada
stage-interview = entrevista
stage-interviewed = entrevistada
stage-accepted = aceite
stage-declined = recusada
contribution-forum_solution = Solução no fórum
contribution-forge_component = Componente na Forge
contribution-event_organized = Evento organizado
contribution-session_delivered = Sessão apresentada
contribution-content_piece = Conteúdo publicado
contribution-mentoring_testimonial = Testemunho de mentoria
directory-title = Champions e MVPs
directory-lead = Membros da comunidade reconhecidos pelo que dão: respostas, componentes, eventos, palestras, artigos e mentoria.
directory-empty = Ainda ninguém está listado.
directory-opt-in = Incluir-me no diretório público
directory-quote = Algumas palavras sobre o programa (opcional)
programs-title = Os meus programas
programs-memberships = Participações
programs-no-memberships = Ainda não tem um título de programa.
programs-eligibility = Onde está
programs-eligibility-hint = Contado a partir dos seus contributos, incluindo eventos que realizou e sessões que apresentou aqui.
programs-applications = Candidaturas
programs-submit = Enviar
programs-apply = Candidatar-me a um programa
programs-program = Programa
programs-focus-area = Área de foco (Champions)
programs-interests = Outros interesses
programs-interests-hint = Áreas de foco separadas por vírgulas, p. ex. forge, mentoring
programs-apply-button = Enviar a candidatura
programs-contributions = Os meus contributos
programs-add-contribution = Adicionar um contributo
programs-kind = Tipo
programs-date = Data
programs-link = Ligação (evidência)
programs-format = Formato (conteúdos)
programs-rating = Classificação (componentes Forge, 0,0–5,0)
programs-version = Versão da plataforma (componentes Forge)
programs-source = Origem
programs-add = Adicionar
pipeline-title = Candidaturas em curso
pipeline-chart-label = Candidaturas por fase
pipeline-notes = Notas do revisor
pipeline-screen = Fazer a triagem
pipeline-interview-notes = Interesses, motivações, expectativas
pipeline-interviewed = Entrevistada
pipeline-accept = Aceitar
nav-programs = Programas
error-import_rejected = O ficheiro não foi importado: corrija as linhas indicadas e envie-o de novo.
field-csv_row_malformed = Não foi possível ler esta linha (número de colunas ou aspas errados).
field-csv_header_missing = O ficheiro precisa de uma linha de cabeçalho com o nome das colunas.
mail-program-renewed-subject = O seu título foi renovado por mais um ano
mail-program-renewed-body =
    Olá { $name },

    Obrigado por mais um ano de contributos: o seu título no programa foi renovado. { $reason }

    { $link }
mail-program-ended-subject = O seu título no programa
mail-program-ended-body =
    Olá { $name },

    Depois da renovação deste ano o seu título termina, pela seguinte razão:

    { $reason }

    Obrigado por tudo o que deu à comunidade. Pode candidatar-se de novo. { $link }
field-feed_malformed = Isto não é um feed RSS ou Atom que consigamos ler.
application-updated = atualizada
application-screening = Triagem
application-no-times = A equipa dos programas vai propor aqui horários para a entrevista.
field-forum_username_invalid = Indique o seu nome de utilizador no fórum (letras, dígitos, pontos, hífenes e sublinhados).
field-forum_not_configured = Ainda não há fórum configurado para importações; um administrador define o endereço nas definições.
import-title = A importar do fórum
import-status-running = A ler o fórum…
import-status-done = Concluído.
import-status-failed = Parou.
import-fetched = Respostas aceites lidas
import-added = Adicionadas
import-already = Já importadas
import-back = Voltar aos meus programas
import-recent = Importações recentes
application-evidence = Evidências
application-no-evidence = Ainda nada conta para esta área.
application-rubric = Avalie cada evidência segundo a grelha da área:
rubric-researched = Investigou a situação
rubric-tested = Testou o problema
rubric-added_resources = Acrescentou recursos
rubric-description = Uma descrição detalhada
rubric-screenshots = Capturas de ecrã
rubric-documentation = Documentação
rubric-supported_version = Uma versão suportada da plataforma
rubric-rating = Avaliação pelo menos no mínimo
rubric-details = Detalhe
rubric-examples = Exemplos
rubric-expertise = Conhecimento
rubric-for_this_community = Para esta comunidade
rubric-evidence = Evidência do evento
rubric-technical = Uma sessão técnica
rubric-slides_or_recording = Diapositivos ou gravação
rubric-mentee_testimonial_or_plan = Testemunho de um mentorado ou plano de integração
renewals-title = Renovações anuais
renewals-lead = A atividade de cada Champion na sua área no último ano é medida pelos critérios; a dos MVP pela sua métrica anual. Os ativos são renovados e avisados; para os restantes decide manter ou terminar o título, com uma razão.
renewals-year = Ano
renewals-start = Iniciar ou retomar a renovação
renewals-none = Ainda não correu nenhuma renovação.
renewals-decided = membros decididos
renewals-keep = Manter o título
renewals-end = Terminar o título
renewals-end-confirm = O título { $program } de { $name } termina de imediato e a pessoa recebe a sua razão por email. Não se pode desfazer aqui: para voltar a ter o título, terá de se candidatar de novo.
renewals-end-yes = Terminar o título e enviar o email
renewal-outcome-renewed = renovado
renewal-outcome-to_evaluate = a avaliar
renewal-outcome-kept = mantido
renewal-outcome-ended = terminado
pipeline-renewals = Renovações anuais
application-nda = Acordo de confidencialidade
application-nda-signed = Assinado em
application-nda-missing = Ainda não registado. O prémio MVP só começa depois de o NDA estar assinado: registe aqui o dia antes de aceitar.
application-nda-date = Dia em que o NDA foi assinado
application-nda-record = Registar a data do NDA
field-nda_not_needed = Este programa não tem NDA para assinar.
field-date_in_future = O dia não pode ser no futuro.
mail-contribution-rejected-subject = Não contabilizado: { $title }
mail-contribution-rejected-body =
    Olá { $name },

    A equipa dos programas analisou "{ $title }" e não o contabilizou, por esta razão:

    { $reason }

    Se foi registado por si, pode corrigi-lo (será analisado de novo) ou apagá-lo na sua página de programas:

    { $link }
verification-unverified = À espera de verificação
verification-verified = Verificado
verification-rejected = Não contabilizado
source-derived = Deste site
source-imported = Importado
source-self_reported = Registado pelo membro
evidence-reason = Razão (necessária para rejeitar; o membro lê-a)
evidence-verify = Verificar
evidence-reject = Rejeitar
contribution-edit = Corrigir uma contribuição
contribution-edit-help = Altere o que registou. Voltará a esperar que a equipa dos programas a verifique.
contribution-edit-link = Corrigir
contribution-delete = Apagar…
contribution-delete-confirm = Apagar esta contribuição de vez? Deixa de contar imediatamente.
contribution-delete-yes = Sim, apagar
contribution-actions = Ações
contribution-saved = Guardado. A equipa dos programas vai verificá-la de novo.
contribution-deleted = Apagada.
field-rejection_reason_required = Diga porque não conta: o membro lê a razão e pode corrigi-la.
benefits-title = Benefícios
benefits-yours = Os seus benefícios
benefits-none = Nenhum benefício está disponível para si neste momento. Os benefícios são para membros ativos de um programa.
benefits-your-code = o seu código
benefits-claim = Pedir um código
benefits-none-left = Sem códigos disponíveis por agora
benefits-claimed = O seu código está abaixo. É só seu; guarde-o bem.
benefits-pools = Conjuntos de códigos
benefits-no-pools = Ainda não há conjuntos.
benefits-for = Para
benefits-any-program = Membros de qualquer programa
benefits-validity = Validade
benefits-valid-until = até { $day }
benefits-no-end = sem data de fim
benefits-codes = Códigos
benefits-left = { $left } de { $total } disponíveis
benefits-add-codes = Adicionar códigos
benefits-add-button = Adicionar
benefits-new = Novo conjunto
benefits-last-day = Último dia para pedir
benefits-last-day-hint = Deixe vazio para não ter data de fim.
benefits-codes-paste = Códigos, um por linha (ou separados por vírgulas)
benefits-create = Criar o conjunto
benefits-created = Conjunto criado.
benefits-codes-added = { $added } códigos novos adicionados (os que já existiam foram ignorados).
programs-benefits-link = Os seus benefícios
field-benefit_expired = Este benefício já não pode ser pedido: o último dia já passou.
field-date_in_past = O dia não pode ser no passado.
stage-withdrawn = retirada
application-withdraw = Retirar a minha candidatura…
application-withdraw-confirm = Retirar esta candidatura? Fica por aqui; pode candidatar-se de novo a este programa mais tarde.
application-withdraw-yes = Sim, retirar
application-withdrawn = Retirou esta candidatura. Pode candidatar-se de novo a este programa na sua página de programas.
application-done-nda = Data do NDA registada. O prémio pode começar quando a candidatura for aceite.
application-done-verified = Verificado: já conta.
application-done-rejected = Rejeitado: o membro recebeu a razão por email.
field-transfer_criteria_unmet = O membro ainda não cumpre os critérios deste programa, por isso o título não pode ser transferido. Veja a sua elegibilidade, ou deixe-o candidatar-se e ser avaliado.
application-edit = Alterar o rascunho
application-done-edited = O seu rascunho foi guardado. Envie-o quando estiver pronto.
benefits-codes-file = Ou um ficheiro de códigos (texto ou CSV)
field-codes_file_invalid = O ficheiro tem de ser texto simples ou CSV (UTF-8), um código por linha ou separados por vírgulas, com 1 MiB no máximo.
benefits-upload-button = Enviar
field-program_unknown = Indique os programas pelos nomes: champions, mvp ou ambassadors.
field-program_excludes_itself = Um programa não pode excluir os próprios membros: desmarque aqui este programa.
error-account_not_linked = Associe primeiro esta conta e mostre que é sua: na sua página de programas, o Guildhall dá-lhe um código para colocar no seu perfil do fórum ou no seu feed, e importa quando o encontrar lá.
error-account_linked_elsewhere = Outro membro já associou e comprovou esta conta. Se for sua, escreva à equipa dos programas.
error-proof_not_found = O código ainda não está lá. Cole-o no "Sobre mim" do seu perfil do fórum (ou numa publicação do seu feed), guarde e verifique de novo.
field-account_kind_invalid = Escolha uma conta do fórum ou um feed.
field-feed_url_invalid = Indique o endereço completo do feed, a começar por https://, sem nome de utilizador nem palavra-passe.
field-forum_user_unknown = O fórum não tem nenhum utilizador com este nome.
field-account_unreachable = Não foi possível ler a conta agora. Verifique o endereço e tente de novo dentro de momentos.
field-feed_private_address = Este endereço aponta para uma rede privada, que o Guildhall não lê. Associe o endereço público do feed.
field-feed_moved = O feed mudou de endereço. Associe antes o novo endereço.
field-feed_too_large = O feed tem mais de 2 MB. Associe um feed com as suas publicações mais recentes.
links-title = Contas de onde importa
links-hint = Importe apenas de contas que são suas. Associe uma conta do fórum ou o feed do seu blogue, coloque o código que o Guildhall lhe dá no "Sobre mim" do seu perfil do fórum ou numa publicação do feed, e carregue em Verificar. Quando o código for encontrado pode importar, e voltar a retirar o código.
links-none = Ainda não há contas associadas.
links-added = A conta foi associada. Coloque o código abaixo e carregue em Verificar.
links-proven = Ficou comprovado que a conta é sua. Já pode importar dela.
links-removed = A conta deixou de estar associada. O que foi importado dela fica.
link-kind-discourse = Conta do fórum
link-kind-discourse-on = Conta do fórum em { $forum }
link-kind-feed = Feed do blogue (RSS ou Atom)
link-where-discourse = Coloque este código no "Sobre mim" do seu perfil do fórum, guarde e carregue em Verificar:
link-where-feed = Coloque este código numa publicação (ou na descrição) do seu feed, publique e carregue em Verificar:
link-waiting = À espera do código
link-proven-code = Comprovada pelo código
link-proven-staff = Confirmada pela equipa dos programas
links-check = Verificar o código
links-import-discourse = Importar as minhas respostas aceites
links-import-feed = Importar as minhas publicações
links-remove = Desassociar
links-remove-confirm = Desassociar esta conta? As contribuições importadas dela ficam; para importar de novo, associe-a e comprove-a outra vez.
links-remove-yes = Sim, desassociar
links-add = Associar uma conta
links-kind = Tipo
links-handle = Nome de utilizador no fórum ou endereço do feed
links-handle-hint = Por exemplo ana_silva, ou https://ana.example.org/feed.xml
links-add-button = Associar
links-staff-title = Contas associadas
links-staff-none = O candidato não associou nenhuma conta do fórum nem feed.
links-staff-hint = Confirme uma associação apenas quando verificou de outra forma que a conta é do candidato (por exemplo, os moderadores do fórum garantem-no).
links-confirm = Confirmar que é sua
application-done-account = A associação está confirmada; o candidato já pode importar dela.
feed-not-imported = O feed não foi importado:
feed-entry-problem = entrada { $entry }: { $problem }
feed-imported = O seu feed foi lido: { $added } publicações novas adicionadas. As publicações já importadas não foram adicionadas de novo.
directory-any = Qualquer
directory-country = País
directory-filter = Mostrar
directory-clear = Mostrar todos
directory-none-match = Ninguém na lista corresponde a esta escolha.
pager-label = Páginas desta lista
pager-first = Primeira página
directory-next = Página seguinte
pipeline-stage = Fase
pipeline-none = Nenhuma candidatura corresponde a esta escolha.
pipeline-older = Candidaturas mais antigas
judgment-none = Ainda não avaliada
judgment-meets = Cumpre a grelha
judgment-partly = Cumpre { $met } de { $of } pontos
judgment-legend = Pontos da grelha que cumpre
judgment-save = Guardar a avaliação
judgment-summary = { $good } evidências cumprem todos os pontos da grelha ({ $judged } avaliadas).
judgment-screen-hint = Avalie primeiro cada evidência acima: a triagem aceita a qualidade quando tantas evidências cumprem todos os pontos da grelha quantas os critérios pedem.
application-done-judged = A avaliação foi guardada.
pipeline-judge = Avaliar as evidências e fazer a triagem
rubric-quality = Cumpre o nível de qualidade do programa
field-rubric_point_unknown = Escolha pontos da grelha desta candidatura.
field-evidence_unknown = Esta evidência não faz parte da candidatura.

# CH-6 entrevistadores: a equipa nomeia um gestor de comunidade
interviewer-label = Entrevista por
interviewer-staff = Equipa dos programas (ninguém nomeado)
interviewer-hint = O gestor de comunidade nomeado pode ler esta candidatura, propor horários e registar a entrevista. A decisão continua com a equipa dos programas.
interviewer-save = Guardar o entrevistador
interviewer-named = Quem o entrevista:
application-done-interviewer = O entrevistador foi guardado.
interviews-title = Entrevistas a seu cargo
interviews-none = A equipa dos programas ainda não lhe pediu nenhuma entrevista.
field-interviewer_not_manager = Nomeie um gestor de comunidade: são eles que entrevistam.
field-interviewer_unknown = Escolha alguém da lista.
mail-program-interviewer-named-subject = Entreviste { $applicant } para { $program }
mail-program-interviewer-named-body =
    Olá { $name },

    A equipa dos programas pediu-lhe que entreviste { $applicant }, que se candidatou a { $program }. Proponha um a três horários na candidatura; { $applicant } escolhe um e será avisado.

    { $link }
mail-program-interview-booked-subject = Entrevista com { $applicant }: { $when }
mail-program-interview-booked-body =
    Olá { $name },

    { $applicant } escolheu { $when } para a entrevista de { $program }. Adicione-a ao calendário:

    { $invite }

    A candidatura: { $link }
field-feed_host_unknown = Nenhum servidor responde nesse endereço. Verifique a grafia, ou abra-o no navegador para ver se funciona.
links-already = Esta conta já estava associada: o código está abaixo.
links-hint-feed = Importe só de um feed que seja seu. Ligue o feed do seu blogue, coloque o código que o Guildhall lhe dá numa publicação ou na descrição do feed e carregue em Verificar. Quando o código for encontrado pode importar e voltar a retirar o código.
links-handle-feed = Endereço do feed
links-handle-feed-hint = Por exemplo https://ana.example.org/feed.xml
interviewer-you = A equipa dos programas pediu-lhe que entreviste este candidato: proponha horários e depois registe a entrevista. A decisão continua com a equipa dos programas.
interviewer-waiting = A equipa dos programas ainda está a fazer a triagem desta candidatura. Quando passar, poderá propor aqui os horários da entrevista.
application-done-interviewer_cleared = Já não há entrevistador nomeado: a equipa dos programas entrevista.
application-done-times = Os horários foram enviados ao candidato, a quem se pede que escolha um.
application-done-interviewed = A entrevista foi registada. A equipa dos programas decide a seguir.
