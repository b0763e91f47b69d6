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
window-legend = Registration opens and closes
window-hint = Leave both empty to open registration on publishing and close it when the event ends. Times are in the group's time zone.
window-opens = Opens at
window-closes = Closes at
window-not-yet = Registration opens on { $at }. Come back then, or follow the group to hear of its next events.
window-closed = Registration closed on { $at }.
window-closes-at = Registration closes on { $at }.
field-closes_before_opens = Registration must close after it opens.
field-closes_after_event = Registration cannot close after the event ends: leave it empty to close at the end.
field-opens_after_start = Registration must open before the event starts.
