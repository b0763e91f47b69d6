# Issue 18: a participação à vista.
health-legend-came = deram entrada
health-legend-registered = inscritos
health-registered-came = Vieram dos inscritos, nos últimos eventos
health-came-of = { $came } de { $registered }
event-came-of = Vieram { $came } dos { $registered } inscritos ({ $percent } %)
event-came-walk-ins = { $count ->
    [0] {""}
    [one] , e 1 entrada sem inscrição
   *[other] , e { $count } entradas sem inscrição
}
record-title = A sua participação
record-summary = { $came ->
    [one] Veio a 1
   *[other] Veio a { $came }
} dos { $held } eventos em que manteve o lugar até ao fim.
record-released = { $count ->
    [one] Libertou 1 lugar antes do início, para que alguém em espera o pudesse ocupar.
   *[other] Libertou { $count } lugares antes do início, para que alguém em espera os pudesse ocupar.
}
record-missed = { $count ->
    [one] Uma vez manteve um lugar e não veio: se não puder ir, a ligação "Não posso ir" do lembrete liberta-o com um clique.
   *[other] { $count } vezes manteve um lugar e não veio: se não puder ir, a ligação "Não posso ir" do lembrete liberta-o com um clique.
}
record-none = O seu registo começa depois do seu primeiro evento.
