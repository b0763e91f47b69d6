# UG-18: waiting-list offers.
waitlist-mode = When a seat frees up
waitlist-mode-automatic = Give it to the first person waiting at once
waitlist-mode-offers = Offer it to the first person waiting, who claims it with one click
waitlist-mode-hint = An offer holds the seat until its deadline: a day when the event is far off, shorter as it nears, never past the start. Unclaimed, it passes to the next person.
field-waitlist_mode_invalid = Choose how a freed seat reaches the waiting list.
mail-seat-offered-subject = A seat is yours if you claim it: { $event }
mail-seat-offered-body =
    Hello { $name },

    A seat freed up at { $event } ({ $group }) on { $when }, and it is offered to you first. Claim it with one click before { $until }; after that it goes to the next person waiting:

    { $link }

    The same page lets you say no thanks, so the next person gets it sooner.
mail-offer-expired-subject = The seat went to the next person: { $event }
mail-offer-expired-body =
    Hello { $name },

    The seat offered to you at { $event } ({ $group }) on { $when } was not claimed in time, so it went to the next person waiting, and the event leaves your calendar. Register again to join the end of the waiting list:

    { $link }
ticket-offered = A seat is yours if you claim it before { $until }. After that it goes to the next person waiting.
ticket-offered-hint = Can't come? Give your place up below, so the next person gets the seat sooner.
ticket-claimed-done = The seat is yours: your ticket is below, and the calendar invitation is in your email.
ticket-badge-offered = Seat offered
offer-title = A seat is offered to you
offer-ask = A seat freed up at { $event } ({ $group }) on { $when }. It is yours if you claim it before { $until }.
offer-claim = Claim my seat
offer-decline = No thanks
offer-decline-confirm = The seat goes to the next person waiting, and you leave the waiting list.
offer-decline-yes = Give the seat to the next person
offer-claimed = The seat at { $event } is yours. Your ticket and calendar invitation are in your email.
offer-declined = Thank you for saying so: the seat at { $event } goes to the next person waiting.
offer-gone = This offer is over: the seat at { $event } went to the next person waiting, or you gave your place up. Register again to join the end of the waiting list.
offer-closed = This offer can no longer be claimed: the event is over or was cancelled.
attendee-offered = Offered a seat, not claimed yet
door-seat-offered-text = { $name } was offered a seat and has not claimed it yet. The seat is held until the offer ends.
error-offer_closed = This seat offer is no longer open: it expired, was declined, or the seat went to someone else.
setting-events-offer-longest-hours = Longest seat offer
setting-events-offer-longest-hours-help = On an event that offers freed seats, how long an offer stays open at most, when the event is far off. Nearer the event an offer lasts a quarter of the time left.
setting-events-offer-shortest-minutes = Shortest seat offer
setting-events-offer-shortest-minutes-help = However near the event, an offer stays open at least this long, unless the event starts first.
event-seat-offered = A seat freed up and is offered to you: claim it on your ticket before the offer ends.
event-see-offer = Claim or decline the seat
event-offers-hint = When a seat frees up, the first person waiting is offered it by email and claims it with one click.
offer-title-claimed = Your seat
event-tally-offered = { $count ->
    [one] , 1 seat on offer
   *[other] , { $count } seats on offer
}
event-over-no-seats = This event is over.
