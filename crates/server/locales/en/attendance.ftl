# Issue 18: attendance you can see.
health-legend-came = checked in
health-legend-registered = registered
health-registered-came = Came of those registered, at the last events
health-came-of = { $came } of { $registered }
event-came-of = { $came } of the { $registered } registered came ({ $percent } %)
event-came-walk-ins = { $count ->
    [0] {""}
    [one] , and 1 walk-in
   *[other] , and { $count } walk-ins
}
record-title = Your attendance
record-summary = { $came ->
    [one] You came to 1
   *[other] You came to { $came }
} of the { $held } events where you kept your seat to the end.
record-released = { $count ->
    [one] You let 1 place go before the start, so someone waiting could take it.
   *[other] You let { $count } places go before the start, so someone waiting could take them.
}
record-missed = { $count ->
    [one] Once you kept a seat and did not come: if you cannot make it, the reminder's "I can't come" link frees it in one click.
   *[other] { $count } times you kept a seat and did not come: if you cannot make it, the reminder's "I can't come" link frees it in one click.
}
record-none = Your record starts after your first event.
