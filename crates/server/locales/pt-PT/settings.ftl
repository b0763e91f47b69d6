# Página de definições da administração: áreas, nomes, ajuda e unidades.

## Textos da página
settings-search = Procurar uma definição
settings-search-button = Procurar
settings-saved = Guardado: { $setting } passa a ser { $value }.
settings-yes = Sim
settings-no = Não
settings-not-set = Não definido
settings-range = De { $min } a { $max }.
settings-list-hint = Um por linha.
settings-reason-hint = Porque está a mudá-la? O motivo fica no registo de auditoria.

## Áreas
settings-area-auth = Entrada e contas
settings-area-mail = Envio de emails
settings-area-events = Eventos
settings-area-groups = Grupos
settings-area-leaders = Organizadores de grupos
settings-area-expenses = Despesas
settings-area-conduct = Relatos de código de conduta
settings-area-champions = Champions
settings-area-mvp = MVP
settings-area-ambassadors = Embaixadores
settings-area-imports = Importações

## Unidades, mostradas a seguir ao campo
setting-unit-minutes = minutos
setting-unit-hours = horas
setting-unit-days = dias
setting-unit-months = meses
setting-unit-seconds = segundos
setting-unit-kib = KiB
setting-unit-per-minute = por minuto
setting-unit-per-hour = por hora
setting-unit-tenths = décimas de estrela
setting-unit-times = tentativas
setting-unit-per-year = por ano
setting-unit-day-of-month = dia do mês
setting-unit-month-of-year = mês (1–12)

## Entrada e contas
setting-auth-signin-attempts-per-email-per-minute = Palavras-passe erradas por endereço e rede
setting-auth-signin-attempts-per-email-per-minute-help = Quantas palavras-passe erradas um endereço de email pode receber a partir de uma mesma rede antes de a entrada com palavra-passe pedir para aguardar. Trava quem tenta adivinhar sem bloquear o dono noutro lado; o habitual é 5.
setting-auth-signin-attempts-per-ip-per-minute = Tentativas de entrada a partir de um endereço IP
setting-auth-signin-attempts-per-ip-per-minute-help = Quantas vezes um endereço IP pode tentar entrar, em qualquer conta, antes de lhe ser pedido que aguarde. Mantenha este valor bem acima do limite por endereço de email, porque um escritório ou uma universidade inteira pode partilhar o mesmo endereço; o habitual é 30.
setting-auth-signups-per-ip-per-hour = Registos a partir de um endereço IP
setting-auth-signups-per-ip-per-hour-help = Quantas contas um endereço IP pode tentar criar antes de lhe ser pedido que aguarde. O habitual é 20.
setting-auth-link-requests-per-email-per-hour = Ligações enviadas por endereço
setting-auth-link-requests-per-email-per-hour-help = Quantas ligações de entrada ou de reposição da palavra-passe podem ser enviadas para um endereço de email antes de os pedidos seguintes terem de aguardar. O habitual é 5.
setting-auth-link-requests-per-ip-per-hour = Pedidos de ligação a partir de um endereço IP
setting-auth-link-requests-per-ip-per-hour-help = Quantas ligações de entrada ou de reposição da palavra-passe um endereço IP pode pedir, seja qual for o endereço de email, antes de lhe ser pedido que aguarde. O habitual é 30.
setting-auth-signups-per-email-per-hour = Registos com um endereço de email
setting-auth-signups-per-email-per-hour-help = Quantas vezes alguém pode criar conta com o mesmo endereço de email antes de lhe ser pedido que aguarde. Cada tentativa envia um email para esse endereço, por isso um número baixo impede que o formulário encha a caixa de correio de um desconhecido; o habitual é 3.
setting-auth-signin-failures-per-email-per-hour = Palavras-passe erradas por endereço
setting-auth-signin-failures-per-email-per-hour-help = Quantas palavras-passe erradas um endereço de email pode receber, a partir de qualquer rede, antes de a entrada com palavra-passe nessa conta pedir para aguardar. Entrar com uma ligação enviada por email continua a funcionar; o habitual é 50.
setting-auth-session-days = Duração da sessão
setting-auth-session-days-help = Quanto tempo o utilizador fica com a sessão iniciada num dispositivo antes de ter de entrar de novo. O habitual é 30.
setting-auth-verify-link-hours = Validade da ligação de confirmação
setting-auth-verify-link-hours-help = Quanto tempo funciona a ligação que confirma o endereço de email de uma conta nova. O habitual é 48.
setting-auth-signin-link-minutes = Validade da ligação de entrada
setting-auth-signin-link-minutes-help = Quanto tempo funciona uma ligação de entrada de uso único enviada por email. Mantenha-a curta: o habitual é 15.
setting-auth-reset-link-minutes = Validade da ligação de reposição da palavra-passe
setting-auth-reset-link-minutes-help = Quanto tempo funciona uma ligação para repor a palavra-passe. O habitual é 60.

## Envio de emails
setting-mail-max-attempts = Tentativas de envio por email
setting-mail-max-attempts-help = Quantas vezes se tenta enviar cada email antes de desistir e o dar como falhado. Cada nova tentativa espera mais do que a anterior; o habitual é 8.
setting-mail-retry-base-seconds = Espera antes da primeira nova tentativa
setting-mail-retry-base-seconds-help = Quanto tempo esperar antes de tentar de novo um email que falhou. Cada tentativa seguinte espera o dobro, até seis horas; o habitual é 30.

## Eventos
setting-events-reminder-offsets-hours = Lembretes antes de um evento
setting-events-reminder-offsets-hours-help = Quantas horas antes do início de um evento os inscritos recebem um email de lembrete, um número por linha, no máximo cinco: 24 é a véspera, 2 é duas horas antes. Cada lembrete traz uma ligação "Não posso ir" que liberta o lugar com um clique. Os membros podem desligar os lembretes.
setting-events-checkin-opens-minutes-before = Abertura do check-in antes do início
setting-events-checkin-opens-minutes-before-help = Os organizadores podem registar entradas e deixar entrar pessoas à porta a partir deste tempo antes do início do evento. Com 0, o check-in abre à hora de início.
setting-events-checkin-closes-hours-after = Fecho do check-in depois do fim
setting-events-checkin-closes-hours-after-help = O check-in e as entradas à porta continuam abertos durante este tempo depois do fim do evento, para os organizadores acrescentarem quem lhes escapou. Com 0, o check-in fecha à hora de fim.
setting-events-complete-hours-after-end = Conclusão automática depois do fim
setting-events-complete-hours-after-end-help = Um evento publicado é marcado como concluído este tempo depois de terminar, e pede-se aos organizadores que confirmem as entradas. Com 0, fica concluído logo que termina.
setting-events-date-window-days = Intervalo de datas dos eventos
setting-events-date-window-days-help = Um evento pode começar, no máximo, este tempo antes ou depois de hoje, o que apanha um ano mal escrito. O valor por omissão, 1825, são cinco anos.
setting-events-ticketing-hosts = Sites de bilhética e de inscrição
setting-events-ticketing-hosts-help = Sites para os quais um evento não pode ter ligações, porque as inscrições se fazem aqui, um por linha, como eventbrite.com. Os seus subdomínios também são recusados.

## Grupos
setting-groups-min-events-per-year = Eventos exigidos
setting-groups-min-events-per-year-help = Quantos eventos cada grupo tem de realizar num ano civil; a saúde de cada grupo mostra em que ponto está. O valor por omissão, 4, é um por trimestre; com 0 não há mínimo.
setting-groups-inactive-after-months = Tempo sem eventos antes de precisar de apoio
setting-groups-inactive-after-months-help = Um grupo que passe mais do que este tempo sem realizar nenhum evento fica marcado como a precisar de apoio: o gestor de comunidade recebe uma tarefa e os organizadores um email. O habitual é 3.

## Organizadores de grupos
setting-leaders-guidelines-version = Versão das regras para organizadores
setting-leaders-guidelines-version-help = A versão mostrada nas regras para organizadores e registada com o compromisso de cada organizador. Aumente-a uma unidade sempre que mudar as regras.

## Despesas
setting-expenses-receipt-max-kib = Tamanho máximo de um recibo
setting-expenses-receipt-max-kib-help = O maior ficheiro de recibo que um organizador pode juntar a um pedido de reembolso. O valor por omissão, 5120, são 5 MiB.
setting-expenses-receipts-per-claim = Recibos por pedido
setting-expenses-receipts-per-claim-help = Quantos ficheiros de recibo pode ter um pedido de reembolso. O habitual é 10.
setting-expenses-receipts-total-kib-per-claim = Tamanho total dos recibos de um pedido
setting-expenses-receipts-total-kib-per-claim-help = Todos os recibos de um pedido de reembolso juntos não podem ultrapassar este tamanho. O valor por omissão, 20480, são 20 MiB.

## Relatos de código de conduta
setting-conduct-reports-per-group-per-hour = Relatos sobre um grupo
setting-conduct-reports-per-group-per-hour-help = Acima deste número, os novos relatos sobre um grupo continuam a ser guardados, mas ficam retidos numa lista, e quem os trata recebe um email por hora em vez de um por relato. Assim uma avalanche de relatos não esconde um relato verdadeiro; o habitual é 20.
setting-conduct-reports-per-network-per-hour = Relatos a partir de uma rede
setting-conduct-reports-per-network-per-hour-help = Quantos relatos uma rede pode enviar antes de lhe ser pedido que aguarde. A contagem é feita de forma a nunca revelar quem relatou; o habitual é 10.
setting-conduct-reports-per-address-per-hour = Relatos com um endereço de email
setting-conduct-reports-per-address-per-hour-help = Quantos relatos podem indicar o mesmo endereço de email antes de se pedir a essa pessoa que aguarde. Os relatos sem email não contam aqui; o habitual é 3.

## Champions
setting-champions-forums-min-solutions = Fóruns: soluções aceites
setting-champions-forums-min-solutions-help = Quantas respostas marcadas como solução um candidato na área Fóruns precisa no ano civil atual. O valor por omissão é 5; com 0 este critério fica sempre cumprido.
setting-champions-forge-min-components = Forge: componentes publicados
setting-champions-forge-min-components-help = Quantos componentes publicados um candidato na área Forge precisa, cada um numa versão suportada da plataforma e com pelo menos a classificação mínima. O valor por omissão é 2; com 0 este critério fica sempre cumprido.
setting-champions-forge-min-rating-tenths = Forge: classificação mínima de um componente
setting-champions-forge-min-rating-tenths-help = A classificação mais baixa com que um componente ainda conta: 40 quer dizer 4,0 estrelas, e 50 é o máximo da escala.
setting-champions-forge-supported-versions = Forge: versões suportadas da plataforma
setting-champions-forge-supported-versions-help = As versões da plataforma para que um componente tem de ser feito para contar, uma por linha, como O11.
setting-champions-events-min-organized = Organizar eventos: eventos organizados
setting-champions-events-min-organized-help = Quantos eventos um candidato na área Organizar eventos precisa de ter organizado. Os eventos realizados aqui por um grupo que lidera contam por si; o valor por omissão é 2.
setting-champions-speaking-min-sessions = Falar em eventos: sessões apresentadas
setting-champions-speaking-min-sessions-help = Quantas sessões um candidato na área Falar em eventos precisa de ter apresentado, com diapositivos ou gravação. As sessões em eventos realizados aqui contam por si; o valor por omissão é 1.
setting-champions-content-min-pieces = Conteúdo técnico: conteúdos publicados
setting-champions-content-min-pieces-help = Quantos artigos de blogue, vídeos, guias práticos ou outros conteúdos um candidato na área Conteúdo técnico precisa. O valor por omissão é 2.
setting-champions-mentoring-min-testimonials = Mentoria: testemunhos
setting-champions-mentoring-min-testimonials-help = Quantos testemunhos de mentorados, ou planos de integração, um candidato na área Mentoria precisa. O valor por omissão é 1.
setting-champions-window-months = Período de elegibilidade
setting-champions-window-months-help = Até quando, para trás, os contributos contam para uma candidatura a Champions, em todas as áreas de foco menos Fóruns, que conta o ano civil atual. 12 é um ano.
setting-champions-seat-cap = Limite de lugares
setting-champions-seat-cap-help = O número máximo de Champions ao mesmo tempo. Deixe a 0 para não haver limite: o programa é feito para crescer.
setting-champions-nda-required = NDA obrigatório
setting-champions-nda-required-help = Com Sim, a participação de um Champion só começa depois de registado na candidatura o dia em que o NDA foi assinado. Desligado por omissão.
setting-champions-moderator-rights = Direitos de moderador
setting-champions-moderator-rights-help = Com Sim, os Champions têm direitos de moderador na comunidade online, que as ferramentas ligadas leem através da API. Desligado por omissão.
setting-champions-exclusive-with = Programas incompatíveis
setting-champions-exclusive-with-help = Marque os programas a que ninguém pode pertencer ao mesmo tempo que ao programa Champions. Vale nos dois sentidos, por isso basta marcá-lo num dos programas; por omissão é o MVP.
setting-champions-renewal-month = Mês da renovação
setting-champions-renewal-month-help = O mês em que a renovação anual dos Champions e dos MVP corre por si. O valor por omissão é 12, dezembro.
setting-champions-renewal-day = Dia da renovação
setting-champions-renewal-day-help = O dia desse mês em que a renovação corre. Um dia para lá do fim do mês quer dizer o último dia, por isso 31 funciona sempre; o valor por omissão é o dia 1.
setting-champions-renewal-look-back-months = Período analisado na renovação
setting-champions-renewal-look-back-months-help = Até quando, para trás, a renovação anual mede a atividade de cada membro. 12 é o último ano.

## MVP
setting-mvp-seat-cap = Limite de lugares
setting-mvp-seat-cap-help = O número máximo de MVP ao mesmo tempo; quando é atingido, ninguém novo entra até terminar uma participação. O programa MVP tem sempre um limite, 150 por omissão.
setting-mvp-nda-required = NDA obrigatório
setting-mvp-nda-required-help = Com Sim, o prémio MVP só começa depois de registado na candidatura o dia em que o NDA foi assinado. Ligado por omissão.
setting-mvp-moderator-rights = Direitos de moderador
setting-mvp-moderator-rights-help = Com Sim, os MVP têm direitos de moderador na comunidade online, que as ferramentas ligadas leem através da API. Ligado por omissão.
setting-mvp-exclusive-with = Programas incompatíveis
setting-mvp-exclusive-with-help = Marque os programas a que ninguém pode pertencer ao mesmo tempo que ao programa MVP. Vale nos dois sentidos, por isso basta marcá-lo num dos programas; por omissão é o Champions.
setting-mvp-min-contributions-per-year = Contributos para manter o prémio
setting-mvp-min-contributions-per-year-help = Quantos contributos de qualquer tipo um MVP faz num ano para ser renovado por si. Deixe a 0 para não haver meta: a equipa dos programas avalia então todos os MVP na renovação.

## Embaixadores
setting-ambassadors-seat-cap = Limite de lugares
setting-ambassadors-seat-cap-help = O número máximo de Embaixadores ao mesmo tempo. Deixe a 0 para não haver limite.
setting-ambassadors-nda-required = NDA obrigatório
setting-ambassadors-nda-required-help = Com Sim, a participação de um Embaixador só começa depois de registado na candidatura o dia em que o NDA foi assinado. Desligado por omissão.
setting-ambassadors-moderator-rights = Direitos de moderador
setting-ambassadors-moderator-rights-help = Com Sim, os Embaixadores têm direitos de moderador na comunidade online, que as ferramentas ligadas leem através da API. Desligado por omissão.
setting-ambassadors-exclusive-with = Programas incompatíveis
setting-ambassadors-exclusive-with-help = Marque os programas a que ninguém pode pertencer ao mesmo tempo que ao programa Embaixadores. Deixe tudo por marcar, como por omissão, para que os Embaixadores se combinem com qualquer programa.
setting-ambassadors-min-contributions-per-year = Contributos necessários para entrar
setting-ambassadors-min-contributions-per-year-help = Quantos contributos de qualquer tipo um candidato a Embaixadores mostra no último ano para passar a triagem; o habitual é 2. Deixe a 0 para deixar a triagem só ao critério do revisor.

## Importações
setting-imports-forum-url = Endereço do fórum
setting-imports-forum-url-help = O endereço do fórum Discourse de onde os membros importam as respostas aceites, como https://forum.example.com. Deixe vazio se não houver fórum: as importações do fórum ficam então desligadas.
settings-none = Nenhuma definição corresponde a essas palavras. Tente outra, ou limpe a pesquisa.

## Partes do mundo, à cabeça dos fusos horários dos seus lugares
zone-area-Africa = África
zone-area-America = Américas
zone-area-Antarctica = Antártida
zone-area-Arctic = Ártico
zone-area-Asia = Ásia
zone-area-Atlantic = Oceano Atlântico
zone-area-Australia = Austrália
zone-area-Europe = Europa
zone-area-Indian = Oceano Índico
zone-area-Pacific = Oceano Pacífico
field-country-choose = Escolha um país
field-time-zone-choose = Escolha um fuso horário
zone-area-other = Outro
zone-utc = UTC (tempo universal coordenado)
