## Séries: um encontro que se repete, uma regra e uma inscrição (UG-16)
weekday-MO = segunda-feira
weekday-TU = terça-feira
weekday-WE = quarta-feira
weekday-TH = quinta-feira
weekday-FR = sexta-feira
weekday-SA = sábado
weekday-SU = domingo
series-rule-weekly = { $interval ->
    [1] Todas as semanas, { $day ->
        [SA] ao sábado
        [SU] ao domingo
       *[other] à { $weekday }
    }
   *[other] De { $interval } em { $interval } semanas, { $day ->
        [SA] ao sábado
        [SU] ao domingo
       *[other] à { $weekday }
    }
}
series-rule-monthly = { $day ->
    [SA] { $nth ->
        [1] O primeiro sábado de cada mês
        [2] O segundo sábado de cada mês
        [3] O terceiro sábado de cada mês
        [4] O quarto sábado de cada mês
       *[other] O último sábado de cada mês
    }
    [SU] { $nth ->
        [1] O primeiro domingo de cada mês
        [2] O segundo domingo de cada mês
        [3] O terceiro domingo de cada mês
        [4] O quarto domingo de cada mês
       *[other] O último domingo de cada mês
    }
   *[other] { $nth ->
        [1] A primeira { $weekday } de cada mês
        [2] A segunda { $weekday } de cada mês
        [3] A terceira { $weekday } de cada mês
        [4] A quarta { $weekday } de cada mês
       *[other] A última { $weekday } de cada mês
    }
}
series-nth = { $nth ->
    [1] 1.º / 1.ª
    [2] 2.º / 2.ª
    [3] 3.º / 3.ª
    [4] 4.º / 4.ª
   *[other] Último / última
}
series-rule-count = { $count ->
    [one] uma vez
   *[other] { $count } vezes
}
series-rule-until = até { $until }
series-rule = { $when }, { $starts }–{ $ends }, { $until }
series-created-done = A série foi criada: as datas são rascunhos que só os organizadores do grupo veem. Verifique-as e depois publique a série.
series-published-done = Publicada: todas as datas aceitam inscrições, e os seguidores do grupo foram avisados uma vez.
series-joined-done = Está inscrito em todas as datas: com lugar onde há lugar livre, em lista de espera onde não há. O bilhete de cada data está nos seus bilhetes.
series-left-done = Deixou a série: os seus lugares nas próximas datas ficaram livres, para quem está em espera ou se inscrever a seguir.
series-edited-done = Guardado: as próximas datas seguem a série; as datas já realizadas ficam como estavam. Quem está inscrito numa data alterada foi avisado.
series-you-joined = Está inscrito na série inteira. Para faltar a uma data, liberte o bilhete dessa data: continua inscrito nas outras.
series-leave = Deixar a série…
series-leave-confirm = Os seus lugares em todas as próximas datas serão libertados, cada um para a pessoa seguinte em espera. As datas já realizadas mantêm a sua presença.
series-leave-yes = Deixar a série
series-join = Inscrever-me em todas as datas
series-join-hint = { $count ->
    [one] Falta uma data.
   *[other] Faltam { $count } datas: fica com lugar em cada data que tenha lugar livre, e na lista de espera onde não tenha.
}
series-sign-in-to-join = Entre para se inscrever em todas as datas
series-edit = Editar a série
series-publish = Publicar todas as datas
series-publish-hint = Publicar abre as inscrições em todas as próximas datas. Os seguidores do grupo recebem um só email, sobre a primeira data.
series-dates = Datas
series-draft = Rascunho: só os organizadores do grupo veem esta série até ser publicada.
ticket-in-series = Esta data faz parte de uma série. Libertar este bilhete liberta só esta data: se se inscreveu na série inteira, continua inscrito nas outras datas.
ticket-see-series = Ver a série
series-mine-confirmed = o seu lugar
series-mine-waitlisted = lista de espera
series-each-date = Cada data é um evento próprio, com os seus lugares, sessões e entrada.
series-new = Nova série
series-new-hint = Uma série é um encontro que se repete: escreva a regra uma vez, veja as datas, e os membros inscrevem-se em todas de uma vez.
series-edit-hint = As alterações só chegam às próximas datas. Uma data que a nova regra já não dá é cancelada, e quem está inscrito recebe um email.
series-when = Quando se encontra
series-zone-hint = As horas são no fuso horário do grupo ({ $zone }); uma data depois de uma mudança de hora mantém a hora local.
series-frequency = Com que frequência
series-frequency-weekly = Semanal
series-frequency-monthly = Mensal, num dia da semana
series-nth-label = Qual do mês
series-nth-hint = Para uma série mensal: a "segunda" quarta-feira, a "última" quinta-feira…
series-weekday = Dia da semana
series-interval = De quantas em quantas semanas
series-interval-hint = Para uma série semanal: 1 todas as semanas, 2 semana sim, semana não (até 4).
series-starts = Começa às
series-ends = Termina às
series-from = Primeiro dia possível
series-count = Número de datas
series-until = Ou o último dia
series-end-hint = Indique o número de datas ou o último dia, não ambos. Uma série tem no máximo 52 datas.
series-skipped = Dias em que não há encontro
series-skipped-hint = Datas como AAAA-MM-DD, separadas por vírgulas: um feriado, uma semana de conferência.
series-capacity = Lugares em cada data
series-preview = Mostrar as datas
series-preview-count = { $count ->
    [one] A regra dá uma data
   *[other] A regra dá { $count } datas
}
series-create = Criar a série
group-series = Séries
group-new-series = Nova série
event-in-series = Uma data de uma série: ver todas as datas, ou inscrever-se em todas
field-time_invalid = Escreva uma hora como HH:MM, por exemplo 18:30.
field-series_ends_before_start = A hora de fim tem de ser depois da hora de início.
field-series_end_missing = Indique quantas datas, ou o último dia.
field-series_end_twice = Indique o número de datas ou o último dia, não ambos.
field-series_count_range = Uma série tem de 1 a 52 datas.
field-series_too_many_dates = Uma série tem no máximo 52 datas: escolha menos, ou um último dia mais cedo.
field-series_until_before_from = O último dia tem de ser depois do primeiro.
field-series_no_dates = Esta regra não dá nenhuma data: verifique o dia da semana, o primeiro dia e os dias sem encontro.
field-series_starts_past = A primeira data tem de ser no futuro.
field-series_nothing_to_publish = Todas as próximas datas já estão publicadas.
field-series_not_joined = Não está inscrito nesta série.
series-cancel = Cancelar a série…
series-cancel-who = { $count ->
    [one] A única data que falta será cancelada, e quem está inscrito ou em espera recebe um email com o seu motivo. As datas já realizadas ficam como estavam. Não pode ser desfeito.
   *[other] As { $count } datas que faltam serão canceladas, e quem está inscrito ou em espera recebe um email com o seu motivo. As datas já realizadas ficam como estavam. Não pode ser desfeito.
}
series-cancel-yes = Cancelar todas as próximas datas
series-cancelled-done = A série foi cancelada: as próximas datas foram canceladas, e quem estava inscrito ou em espera recebeu o seu motivo por email.
field-series_nothing_to_cancel = Nenhuma data desta série está por vir.
field-series_interval_range = De 1 a 4 semanas.
field-series_nth_invalid = Escolha qual dia da semana do mês: do primeiro ao quarto, ou o último.
