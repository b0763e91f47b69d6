## Series: a recurring meetup, one rule and one registration (UG-16)
weekday-MO = Monday
weekday-TU = Tuesday
weekday-WE = Wednesday
weekday-TH = Thursday
weekday-FR = Friday
weekday-SA = Saturday
weekday-SU = Sunday
series-rule-weekly = { $interval ->
    [1] Every { $weekday }
   *[other] Every { $interval } weeks on { $weekday }
}
series-rule-monthly = { $nth ->
    [1] The first { $weekday } of each month
    [2] The second { $weekday } of each month
    [3] The third { $weekday } of each month
    [4] The fourth { $weekday } of each month
   *[other] The last { $weekday } of each month
}
series-nth = { $nth ->
    [1] First
    [2] Second
    [3] Third
    [4] Fourth
   *[other] Last
}
series-rule-count = { $count ->
    [one] once
   *[other] { $count } times
}
series-rule-until = until { $until }
series-rule = { $when }, { $starts }–{ $ends }, { $until }
series-created-done = The series is made: its dates are drafts that only the group's leaders see. Check them, then publish the series.
series-published-done = Published: every date is open for registration, and the group's followers were told once.
series-joined-done = You are registered for every date: a seat where one is free, the waiting list where not. Each date's ticket is in your tickets.
series-left-done = You left the series: your places at its coming dates are free again, for whoever is waiting or registers next.
series-edited-done = Saved: the coming dates follow the series; dates already held are as they were. People registered for a changed date were told.
series-you-joined = You are registered for the whole series. To skip one date, give up that date's ticket: you stay registered for the others.
series-leave = Leave the series…
series-leave-confirm = Your places at every coming date will be given up, each to the next person waiting. Dates already held keep your attendance.
series-leave-yes = Leave the series
series-join = Register for every date
series-join-hint = { $count ->
    [one] One date is still to come.
   *[other] { $count } dates are still to come: you get a seat at each date that has one free, and a place on its waiting list where not.
}
series-sign-in-to-join = Sign in to register for every date
series-edit = Edit the series
series-publish = Publish every date
series-publish-hint = Publishing opens registration at every coming date. The group's followers get one email, for the first date.
series-dates = Dates
series-draft = Draft: only the group's leaders see this series until it is published.
ticket-in-series = This date is part of a series. Giving up this ticket frees this date only: if you registered for the whole series, you stay registered for its other dates.
ticket-see-series = See the series
series-mine-confirmed = your seat
series-mine-waitlisted = waiting list
series-each-date = Each date is an event of its own, with its own seats, talks and check-in.
series-new = New series
series-new-hint = A series is a meetup that repeats: write the rule once, see its dates, and members register for all of them at once.
series-edit-hint = Changes reach the coming dates only. A date the new rule no longer gives is cancelled, and those registered are emailed.
series-when = When it meets
series-zone-hint = Times are in the group's time zone ({ $zone }); a date after a clock change keeps its local time.
series-frequency = How often
series-frequency-weekly = Weekly
series-frequency-monthly = Monthly, on a weekday
series-nth-label = Which one of the month
series-nth-hint = For a monthly series: "second" Wednesday, "last" Thursday…
series-weekday = Weekday
series-interval = Every how many weeks
series-interval-hint = For a weekly series: 1 every week, 2 every other week (up to 4).
series-starts = Starts at
series-ends = Ends at
series-from = First possible day
series-count = Number of dates
series-until = Or the last day
series-end-hint = Give the number of dates or the last day, not both. A series has at most 52 dates.
series-skipped = Days it does not meet
series-skipped-hint = Dates as YYYY-MM-DD, separated by commas: a holiday, a conference week.
series-capacity = Seats at each date
series-preview = Show the dates
series-preview-count = { $count ->
    [one] The rule gives one date
   *[other] The rule gives { $count } dates
}
series-create = Create the series
group-series = Series
group-new-series = New series
event-in-series = One date of a series: see every date, or register for all of them
field-time_invalid = Enter a time as HH:MM, for example 18:30.
field-series_ends_before_start = The end time must be after the start time.
field-series_end_missing = Say how many dates, or the last day.
field-series_end_twice = Give the number of dates or the last day, not both.
field-series_count_range = A series has 1 to 52 dates.
field-series_too_many_dates = A series has at most 52 dates: choose fewer, or an earlier last day.
field-series_until_before_from = The last day must be after the first.
field-series_no_dates = This rule gives no date: check the weekday, the first day and the days skipped.
field-series_starts_past = The first date must still be to come.
field-series_nothing_to_publish = Every coming date is already published.
field-series_not_joined = You are not registered for this series.
series-cancel = Cancel the series…
series-cancel-who = { $count ->
    [one] The one date still to come will be cancelled, and everyone registered or waiting emailed with your reason. Dates already held stay as they were. This cannot be undone.
   *[other] The { $count } dates still to come will be cancelled, and everyone registered or waiting emailed with your reason. Dates already held stay as they were. This cannot be undone.
}
series-cancel-yes = Cancel every coming date
series-cancelled-done = The series is cancelled: its coming dates are cancelled, and everyone registered or waiting was emailed your reason.
field-series_nothing_to_cancel = No date of this series is still to come.
field-series_interval_range = Every 1 to 4 weeks.
field-series_nth_invalid = Choose which weekday of the month: first to fourth, or last.
