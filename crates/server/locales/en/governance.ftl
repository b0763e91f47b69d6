# Running groups by the guidelines (UG-2, UG-4, UG-6, UG-7, UG-8, UG-10, UG-11, UG-12, UG-13)

error-venue_not_neutral = Events cannot be published at a { $kind } venue: events happen on neutral ground, so a partner's or a client's office is not allowed (UG-7). Choose a coworking space, a university, a public venue, an event space or go online.
error-sessions_not_approved = This event's sessions are under review: { $pending } still need approval before it can be published.
error-over_cap = { $category }: { $amount } is over the region's cap of { $cap } per event. Claim at most the cap.
error-state_conflict = This { $what } cannot go from { $from } to { $to }.
error-open_application_exists = You already have an open application for this. Follow it from your applications page.
error-claim_exists = This event already has an expense claim waiting or approved.
field-capacity_invalid = Enter a whole number of people, or leave it empty.
field-years_invalid = Enter your years of experience as a whole number from 0 to 60.
field-guidelines_not_accepted = Please read and accept the organizer guidelines.
field-slots_required = Propose at least one interview time.
field-too_many_slots = Propose at most five interview times.
field-slot_in_past = Interview times must be at least half an hour from now.
field-slot_repeated = Each interview time may be proposed once.
field-checklist_incomplete = A session is approved only when it meets every item of the checklist.
field-topic_invalid = Topics are 2 to 40 letters, digits or - + # . / characters, separated by commas.
field-too_many_topics = List at most ten topics.
field-past_talk_format = Write one past talk per line as: title | link
field-too_many_past_talks = List at most ten past talks.
field-amount_invalid = Enter an amount such as 120 or 120.50.
field-claim_empty = Enter the amount of at least one category.
field-currency_mismatch = Amounts must be in the region's currency.
field-file_name_invalid = This file name cannot be used: rename the file (letters, digits, spaces, dashes) and try again.
field-file_empty = The file is empty.
field-file_too_large = The file is too large.
field-file_type_refused = Only PDF, PNG and JPEG receipts are accepted.
field-slot_unknown = Choose one of the proposed times.
field-member_not_found = No member has this email address.
field-venue-capacity = Capacity (people)
field-venue-accessibility = Accessibility notes
venue-kind-hint = Events at a partner's or a client's office cannot be published (UG-7).

# UG-10 group health
mail-group-needs-support-subject = { $group } needs to meet again
mail-group-needs-support-body =
    Hello { $name },

    { $group } has held no event for more than three months (last held event: { $days } days ago). Groups meet every quarter and hold at least four events a year.

    Your community manager will be in touch to help. Plan the next event here:

    { $link }
mail-group-support-task-subject = Task: { $group } needs support
mail-group-support-task-body =
    Hello { $name },

    { $group } has held no event for more than three months (last held event: { $days } days ago) and is now marked as needing support.

    See the region's groups and tasks:

    { $link }
health-title = Group health
health-days-since = Days since the last event
health-never = No event held yet
health-this-year = Events held in { $year }
health-of-required = { $held } of { $required } required
health-per-quarter = Events per quarter
health-attendance = Attendance at recent events
health-trend-rising = Attendance is rising
health-trend-steady = Attendance is steady
health-trend-falling = Attendance is falling
health-trend-too_few_events = Too few events to show a trend
health-status-active = Active
health-status-needs_support = Needs support
health-status-archived = Archived
health-chart-label = Events held per quarter in { $year } against one per quarter, and attendance at the last events
health-quarter = Q{ $q }
health-q = Q
coleader-wanted-title = Co-leader wanted
coleader-wanted-text = The organizers of this group are looking for a co-leader. Volunteer: tell us about your experience with the platform and the community manager will meet you.
coleader-volunteer = Volunteer as co-leader
coleader-wanted-on = Show "co-leader wanted"
coleader-wanted-off = Stop looking for a co-leader
coleader-nominate = Nominate a co-leader (their email)
coleader-nominate-button = Nominate
review-group-on = Require review of this group's sessions
review-group-off = Stop reviewing this group's sessions
conduct-report-link = Report a code-of-conduct incident
conduct-title = Code of conduct
