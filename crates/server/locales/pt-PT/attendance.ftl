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
window-legend = Abertura e fecho das inscrições
window-hint = Deixe ambos vazios para abrir as inscrições ao publicar e fechá-las quando o evento terminar. As horas são no fuso horário do grupo.
window-opens = Abrem a
window-closes = Fecham a
window-not-yet = As inscrições abrem a { $at }. Volte nessa altura, ou siga o grupo para saber dos próximos eventos.
window-closed = As inscrições fecharam a { $at }.
window-closes-at = As inscrições fecham a { $at }.
field-closes_before_opens = As inscrições têm de fechar depois de abrirem.
field-closes_after_event = As inscrições não podem fechar depois de o evento terminar: deixe vazio para fechar no fim.
field-opens_after_start = As inscrições têm de abrir antes de o evento começar.
