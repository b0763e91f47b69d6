# UG-17: calendars that follow every change.
calendar-feed-mine = My events
account-calendar-heading = Your calendar
account-calendar-intro = Subscribe once and every event you register for appears in your calendar app. New times, new places and cancellations follow by themselves.
account-calendar-address = Your private calendar address
account-calendar-private = Keep this address to yourself: anyone who has it can see the events you registered for.
account-calendar-subscribe = Subscribe in your calendar app
account-calendar-make = Make my calendar address
account-calendar-replace = Make a new address
account-calendar-replace-hint = The current address stops working at once: subscribe again with the new one.
account-calendar-off = Turn my calendar off
account-calendar-off-hint = The address stops working. You can make a new one at any time.
account-calendar-made = Your calendar address is ready. Paste it into your calendar app, or use the subscribe link.
account-calendar-replaced = A new address is ready and the old one no longer works. Subscribe again with this one.
account-calendar-turned-off = Your calendar is off: its address no longer works.
account-calendar-was-off = Your calendar was already off. Nothing changed.
account-calendar-howto = How to subscribe
account-calendar-google = Google Calendar, on a computer: next to "Other calendars" press +, then "From URL", and paste the address. Google reads it again every few hours.
account-calendar-outlook = Outlook: "Add calendar", then "Subscribe from web", and paste the address.
account-calendar-apple = Apple Calendar: File, then "New Calendar Subscription", and paste the address. On an iPhone, open the subscribe link.
account-calendar-copy = Copy the address
account-calendar-copied = Copied
tickets-calendar-hint = Want these in your calendar app? Subscribe to your private calendar on your account page.
tickets-calendar-link = Your calendar
mail-registration-cancelled-subject = Your place is released: { $event }
mail-registration-cancelled-body =
    Hello { $name },

    Your registration for { $event } ({ $group }) on { $when } is cancelled, and the event leaves your calendar. Changed your mind? Register again while seats are left:

    { $link }
groups-region-subscribe = Every event of every group in { $region }:
series-subscribe = Every date of this series:
field-too_many_reminders = Give at most five reminder times.
release-title = Can't come?
release-ask = Let your place at { $event } ({ $group }) on { $when } go? The next person waiting gets it and is emailed at once.
release-yes = Let my place go
release-keep = Coming after all? Nothing changes until you press the button.
release-done = Thank you: your place at { $event } is free now, and the next person waiting has it. It leaves your calendar too.
release-already = Your place at { $event } was already released. Nothing changed.
release-again = Changed your mind? Register again while seats are left:
release-checked-in = You were checked in at the door: that attendance stays as it is.
release-closed = This event is over or was cancelled, so there is no place to free.
materials-slides = Slides
materials-recording = Recording
materials-edit = Add slides and recording
materials-slides-field = Slides (a web address)
materials-recording-field = Recording (a web address)
materials-edit-hint = Shown on this page to everyone. Leave a field empty to remove its link.
materials-save = Save the links
materials-saved-done = The links are saved and shown with the talk.
materials-send-heading = Slides and recordings for those who came
materials-send-who = { $count ->
    [0] Nobody with an account was checked in, so nobody would be emailed.
    [one] The one person checked in with an account gets an email with each talk's links, unless they turned off organisers' messages.
   *[other] The { $count } people checked in with an account get an email with each talk's links, unless they turned off organisers' messages.
}
materials-send = Email the slides and recordings
materials-sent-at = Emailed on { $at }.
materials-send-again = Send again (after adding links)
materials-send-again-yes = Send them again
materials-sent-done = The slides and recordings are on their way to everyone who came.
field-materials_none = No talk has slides or a recording yet: add a link to a talk first.
mail-event-materials-subject = Slides and recordings: { $event }
mail-event-materials-body =
    Hello { $name },

    Thank you for coming to { $event } ({ $group }). Here are the talks' slides and recordings:

    { $materials }

    The event's page keeps them too: { $link }
