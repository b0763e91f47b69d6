# Running groups by the guidelines (UG-2, UG-4, UG-6, UG-7, UG-8, UG-10, UG-11, UG-12, UG-13)

error-venue_not_neutral = Events cannot be published at a partner's or a client's office: events happen on neutral ground. Choose a coworking space, a university, a public venue, an event space or go online.
error-sessions_not_approved = This event's sessions are under review: { $pending } still need approval before it can be published.
error-over_cap = { $category }: { $amount } is over the region's cap of { $cap } per event. Claim at most the cap.
error-state_conflict = This cannot be done from where it stands now: it may have changed since you opened the page. Reload the page to see where it is.
error-open_application_exists = You already have an open application for this. Follow it from your applications page.
error-claim_exists = This event already has an expense claim waiting or approved.
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
field-venue-capacity = Capacity (people)
field-venue-accessibility = Accessibility notes
venue-kind-hint = Events at a partner's or a client's office cannot be published: events happen on neutral ground.

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
health-chart-label = Events held per quarter in { $year } against one per quarter, and how many registered and came to the last events
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
coleader-wanted-on-done = The group's page now says it is looking for a co-leader, with a way to volunteer.
coleader-wanted-off-done = The group no longer says it is looking for a co-leader.
coleader-nominated-done = Nominated: they were emailed an invitation to apply. The community manager sees their application once they send it.
review-group-on-done = From now on, this group's sessions are reviewed before attendees see them.
review-group-off-done = This group's sessions are no longer reviewed before attendees see them.
review-event-on-done = From now on, this event's sessions are reviewed before attendees see them.
review-event-off-done = This event's sessions are no longer reviewed before attendees see them.
talk-reviewed-done = The review is saved, and the speaker can read your notes.
conduct-report-link = Report a code-of-conduct incident
conduct-title = Code of conduct

# UG-2, UG-4 emails
mail-lead-application-received-subject = We received your application to lead { $group }
mail-lead-application-received-body =
    Hello { $name },

    Thank you for applying to lead { $group }. The region's community manager will review your experience and propose times for an interview.

    Follow your application here:

    { $link }
mail-lead-application-task-subject = Task: { $applicant } applies to lead { $group }
mail-lead-application-task-body =
    Hello { $name },

    { $applicant } applies to lead { $group }. Review the application and propose interview times:

    { $link }
mail-lead-nominated-subject = You were nominated as co-leader of { $group }
mail-lead-nominated-body =
    Hello { $name },

    A leader of { $group } nominated you as co-leader. If you would like to, tell us about your experience with the platform and accept the organizer guidelines; the community manager will then meet you for an interview.

    { $link }
mail-lead-interview-proposed-subject = Pick a time for your interview: { $group }
mail-lead-interview-proposed-body =
    Hello { $name },

    The community manager proposed times for your interview about leading { $group }. Pick the one that suits you:

    { $link }
mail-lead-interview-scheduled-subject = Your interview about { $group }: { $when }
mail-lead-interview-scheduled-body =
    Hello { $name },

    Your interview about leading { $group } is on { $when }. Add it to your calendar:

    { $invite }

    Your application: { $link }
mail-lead-interview-task-subject = Interview booked: { $applicant } for { $group }
mail-lead-interview-task-body =
    Hello { $name },

    { $applicant } picked an interview time about leading { $group }.

    { $link }
mail-lead-appointed-subject = Welcome, leader of { $group }
mail-lead-appointed-body =
    Hello { $name },

    You are now a leader of { $group }. { $reason }

    Your application: { $link }
mail-lead-declined-subject = Your application to lead { $group }
mail-lead-declined-body =
    Hello { $name },

    Thank you for your interest in leading { $group }. We are not appointing you this time, for this reason:

    { $reason }

    { $link }
mail-coleader-wanted-subject = { $group } is looking for a co-leader
mail-coleader-wanted-body =
    Hello { $name },

    The leaders of { $group } marked the group as looking for a co-leader. Members can now volunteer from the group page:

    { $link }

# UG-6 emails
mail-talk-approved-subject = Session approved: { $talk }
mail-talk-approved-body =
    Hello { $name },

    The session "{ $talk }" of { $event } was approved. { $notes }

    { $link }
mail-talk-changes-requested-subject = Changes requested: { $talk }
mail-talk-changes-requested-body =
    Hello { $name },

    The session "{ $talk }" of { $event } needs changes before the event can be published:

    { $notes }

    { $link }

# UG-8 emails
mail-conduct-received-subject = We received your report about { $group }
mail-conduct-received-body =
    Hello,

    Thank you for telling us about an incident at { $group }. The people responsible will look into it; nobody else learns who reported it. We will write again when the report is closed.
mail-conduct-closed-subject = Your report about { $group } is closed
mail-conduct-closed-body =
    Hello,

    The report you filed about { $group } is now closed ({ $status }). Thank you for helping keep the community welcoming.
mail-conduct-task-subject = Code-of-conduct report about { $group }
mail-conduct-task-body =
    Hello { $name },

    A code-of-conduct report about { $group } needs your attention:

    { $link }

# UG-11 emails
mail-speaker-approved-subject = You are in the speaker pool
mail-speaker-approved-body =
    Hello { $name },

    Your speaker application was approved: group leaders can now find you and invite you to their events. { $reason }

    { $link }
mail-speaker-declined-subject = Your speaker application
mail-speaker-declined-body =
    Hello { $name },

    Your speaker application was not approved this time, for this reason:

    { $reason }

    You can update it and apply again: { $link }
mail-speaker-invited-subject = Invitation to speak at { $event }
mail-speaker-invited-body =
    Hello { $name },

    The leaders of { $group } invite you to give the session "{ $talk }" at { $event }. Accept or decline here:

    { $link }
mail-speaker-answered-subject = { $speaker } answered your invitation ({ $status })
mail-speaker-answered-body =
    Hello { $name },

    { $speaker } answered your invitation to give "{ $talk }": { $status }.

    { $link }
mail-expert-request-task-subject = Expert request from { $group }: { $topic }
mail-expert-request-task-body =
    Hello { $name },

    { $group } asks the community team for an internal expert on { $topic }:

    { $link }
mail-expert-request-answered-subject = Answer to your expert request: { $topic }
mail-expert-request-answered-body =
    Hello { $name },

    The community team answered your request for an expert on { $topic }:

    { $answer }

    { $link }

# UG-13 emails
mail-claim-task-subject = Expense claim from { $group }: { $total }
mail-claim-task-body =
    Hello { $name },

    { $group } filed an expense claim of { $total } for { $event }. Approve it or reject it with a reason:

    { $link }
mail-claim-approved-subject = Expense claim approved: { $event }
mail-claim-approved-body =
    Hello { $name },

    The expense claim of { $total } for { $event } was approved. { $reason }

    { $link }
mail-claim-rejected-subject = Expense claim rejected: { $event }
mail-claim-rejected-body =
    Hello { $name },

    The expense claim of { $total } for { $event } was rejected, for this reason:

    { $reason }

    { $link }
field-already_leader = This member already leads the group.
field-group_unknown = Choose an existing group of the application's region.
field-group_required = Name the group the applicant will lead (create it first).
field-event_unknown = Choose an event of this group.
field-no_fee_schedule = The region has no fee schedule yet: ask an admin to set one.
field-year_invalid = Choose a year between 2000 and 2200.
field-speaker_not_approved = Choose a speaker from the approved pool.
field-verdict_invalid = Choose to approve or to request changes.
field-upload_malformed = The upload could not be read; try again.

# Pages
open = Open
event = Event
field-group = Group
conduct-intro = Our groups are places where developers learn from each other. Everyone is welcome; these behaviours are not, at any event or group, online or in person.
conduct-not-accepted = Not accepted
conduct-harassment = Harassment
conduct-harassment-text = Offensive comments, sexual attention, stalking, photographing or recording people who asked not to be.
conduct-discrimination = Discrimination
conduct-discrimination-text = Treating people worse for their gender, identity, age, origin, religion, disability, appearance or experience.
conduct-recruitment = Recruitment
conduct-recruitment-text = Recruiting attendees for jobs, handing out job offers or collecting contacts for hiring. Groups exist for learning, not for hiring.
conduct-sales-pitches = Sales pitches
conduct-sales-pitches-text = Selling products or services, or promoting a company's brand, in sessions or to attendees.
conduct-intimidation = Intimidation
conduct-intimidation-text = Threats, aggressive behaviour, or pressuring people to drink, pay or share personal data.
conduct-unwanted-contact = Unwanted contact
conduct-unwanted-contact-text = Contacting attendees after an event when they did not agree to it.
conduct-privacy = Sharing private information
conduct-privacy-text = Publishing other people's personal details or the attendee list.
conduct-how-to-report = How to report
conduct-how-to-report-text = Use the "Report a code-of-conduct incident" link on any group or event page. You do not need an account. The report reaches the group's leaders and its community manager; if it concerns a leader, only the community manager and program staff. Nobody else ever learns who reported.
conduct-report-hint = Tell us what happened, where and when. You do not need to sign in, and nobody outside the people handling reports learns who you are.
conduct-what-happened = What happened?
conduct-concerns-leader = It concerns one of the group's leaders
conduct-concerns-leader-hint = Then the group's leaders will not see this report: only the community manager and program staff will.
conduct-email = Your email (optional)
conduct-email-hint = Only used to tell you that the report arrived and when it is closed. Leave it empty to stay anonymous.
conduct-send = Send the report
conduct-report-thanks = Thank you. Your report was received and will be handled by the people responsible. Nobody else learns who reported it.
conduct-reports = Code-of-conduct reports
conduct-reports-none = No reports for you to handle.
conduct-report = Report
conduct-received-at = Received
conduct-about-leader = about a leader
conduct-status-received = received
conduct-status-investigating = investigating
conduct-status-resolved = resolved
conduct-status-dismissed = dismissed
conduct-notes = Private notes
conduct-notes-none = No notes yet.
conduct-note = Note (only those handling the report can read it)
conduct-reporter-reachable = The reporter left an address and will be told when the report is closed.
conduct-reporter-anonymous = The reporter left no address.
nav-community = Community
guidelines-title = Organizer guidelines
guidelines-version = Version
guidelines-1 = Groups are free and not for profit: no ticket prices, no sponsorships, no third party paying for anything.
guidelines-2 = Registration happens here only; promotion links elsewhere are fine, external registration is not.
guidelines-3 = Meet every quarter and hold at least four events a year; ask your community manager for help when you cannot.
guidelines-4 = Sessions are technical: experience, best practices, use cases. No sales pitches, no recruitment, no brand promotion; speakers use the neutral template.
guidelines-5 = Meet on neutral ground: coworking spaces, universities, public venues, event spaces or online; never at a partner's or a client's office.
guidelines-6 = Lead as a member of the community, not for your employer, and uphold the code of conduct.
lead-apply-title = Apply to lead
lead-found-title = Start a new group
lead-apply-hint = Tell us about your experience with the platform. The region's community manager will meet you for a short interview.
lead-proposed-name = Name of the new group
lead-years = Years of experience with the platform
lead-certifications = Certifications
lead-projects = Projects you built
lead-profile-link = Community profile link
lead-accept = I have read and accept the
lead-apply-button = Send the application
lead-applications = Leader applications
lead-application = Leader application
lead-mine = My applications
lead-none = You have not applied to lead a group.
lead-to-review = To review
lead-progress = Progress
lead-status-draft = to complete
lead-status-submitted = submitted
lead-status-interview_proposed = interview times proposed
lead-status-interview_scheduled = interview booked
lead-status-appointed = appointed
lead-status-declined = declined
lead-status-withdrawn = withdrawn
lead-declined-because = Declined:
lead-appointed-because = Appointed:
lead-complete = Complete your application
lead-interview = Interview
lead-pick-time = Pick the time that suits you
lead-pick-button = Book this time
lead-chosen = booked
lead-add-calendar = Add the interview to your calendar (.ics)
lead-manager-actions = Review
lead-propose-times = Propose interview times (your time zone)
lead-time = Time
lead-times-hint = Fill one to three times; the applicant picks one.
lead-propose-button = Propose these times
lead-notes = Interview notes (managers only)
lead-appoint-group = Group they will lead
lead-appoint-group-hint = For a new group, create the group first, then choose it here.
lead-reason = Reason (sent to the applicant)
lead-appoint-button = Appoint as leader
lead-decline-button = Decline
lead-withdraw = Withdraw my application
hub-lead = Lead a group
hub-speak = Speak
hub-my-groups = My groups
hub-regions = My regions
hub-care = Community care
manage-dashboard = Region dashboard
manage-tasks = Open tasks
manage-no-tasks = Nothing waits for you. Well done.
manage-groups-health = Groups at a glance
manage-legend = One square per quarter: green, an event was held; red, the quarter passed without one; grey, still to come or before the group began. The bar shows this year's events against the four required.
manage-overview-label = Health of the groups of { $region }
task-leader_application = Leader application
task-session_review = Session review
task-conduct_report = Code-of-conduct report
task-expense_claim = Expense claim
task-needs_support = Needs support
task-expert_request = Expert request
task-speaker_application = Speaker application
expenses-title = Expenses
expenses-year = Year
expenses-show = Show
expenses-csv = Download as CSV
expenses-none = No approved claims this year.
expenses-venue = Venue
expenses-catering = Catering
expenses-other = Other primary needs
expenses-total = Total
expenses-claims = Claims
claim = Expense claim
claim-new = File an expense claim
claim-see = See the expense claim
claim-hint = The community team covers the event's primary costs up to the region's caps. Claims are paid by the vendor only: no sponsor or third party pays.
claim-caps = Caps per event:
claim-note = Note
claim-receipts = Receipts
claim-receipts-hint = PDF, PNG or JPEG.
claim-send = File the claim
claim-no-receipts = No receipts yet.
claim-add-receipt = Add receipts
claim-upload = Upload
claim-decide = Decision
claim-approve = Approve
claim-reject = Reject
claim-reject-confirm = The group's leaders are emailed your reason. They can correct the claim and file it again; until then nothing is paid.
claim-reject-yes = Reject the claim and email the leaders
claim-status-submitted = waiting for the community manager
claim-status-approved = approved
claim-status-rejected = rejected
claim-status-withdrawn = withdrawn by the group's leaders
claims = Claims
claims-title = Expense claims of { $group }
claims-hint = Every claim filed for this group's events and where it stands. Open one to add receipts, correct it, withdraw it or file it again after a rejection.
claims-none = No claims yet. A claim is filed from an event's page once the event has taken place.
claims-event = Event
claims-status = Status
claims-receipts = Receipts
claim-earlier-rejection = Filed again after a rejection. The reason given then:
claim-rejected-next = You can correct the amounts or add receipts, and file the claim again below. Or file a new claim from the event's page.
claim-correct = Correct the claim
claim-correct-save = Save the corrections
claim-file-again = Correct and file again
claim-file-again-button = File the claim again
claim-withdraw = Withdraw the claim
claim-withdraw-confirm = The community manager will no longer see this claim. You can file a new claim for the event afterwards.
claim-withdraw-yes = Yes, withdraw it
claim-corrected = The claim was corrected.
claim-filed-again = The claim was filed again; the community manager has been told.
claim-withdrawn = The claim was withdrawn. You can file a new one from the event's page.
fees-title = Fee schedule
fees-hint = Caps per event, in the region's currency. Leaders' claims above a cap are refused.
fees-saved = The fee schedule is saved.
speaker-apply = Apply to speak
speaker-apply-hint = Tell group leaders who you are and what you talk about. A community manager reviews your application; once approved, leaders can invite you.
speaker-status-submitted = Your application waits for review
speaker-status-approved = You are in the speaker pool
speaker-status-declined = Your application was declined
speaker-bio = About you
speaker-topics = Topics
speaker-topics-hint = Separated by commas, e.g. observability, kubernetes
speaker-past-talks = Past talks with slides or recordings
speaker-send = Send
speaker-invitations = My invitations to speak
speaker-invitations-none = No invitations yet.
speaker-pool = Speaker pool
speaker-topic = Name or topic
speaker-search = Search
speaker-none = No approved speaker matches.
speaker-invited = The speaker was invited and emailed.
speaker-talk-title = Session title
speaker-message = Message
speaker-invite = Invite
speaker-review = Speaker applications
speaker-review-none = No speaker application waits for review.
speaker-approve = Approve
speaker-accept = Accept
speaker-find = Find a speaker
invitation-status-invited = waiting for your answer
invitation-status-accepted = accepted
invitation-status-declined = declined
expert-title = Expert requests
expert-ask = Ask for an internal expert
expert-topic = Topic
expert-occasion = The occasion
expert-send = Send the request
expert-open = open
expert-answered = answered
expert-answer = Answer
expert-answer-send = Send the answer
venues-title = Venue registry
venue-not-for-events = not allowed for events
review-status-pending = review pending
review-status-approved = approved
review-status-changes_requested = changes requested
review-checklist = Checklist
review-neutral_template = Uses the neutral template
review-no_sales_pitch = No sales pitch
review-no_recruitment = No recruitment
review-no_brand_promotion = No brand promotion
review-notes = Notes for the speaker
review-approve = Approve
review-request-changes = Request changes
review-template = Neutral presentation template
review-template-hint = Speakers: please use it for your slides.
review-required-notice = This event's sessions are under review: it can be published once every session is approved.
review-event-on = Require review of this event's sessions
review-event-off = Stop reviewing this event's sessions
claim-event-status = The event
claim-event-checkins = { $count ->
    [one] 1 person checked in
   *[other] { $count } people checked in
}
field-claim_event_not_held = The vendor pays for events that took place: this one was not held (it must be completed with at least one person checked in).
field-claim_event_not_ended = File the claim once the event has ended, with the receipts of what it cost.
field-claim_without_receipts = This claim has no receipt yet, so it cannot be approved. Ask the organiser to add one, or reject it with a reason.
field-too_many_receipts = This claim already has the most receipts allowed. Combine them into one PDF, or remove one first.
field-receipts_too_large = These receipts together would be larger than a claim may hold. Send smaller scans.
field-speaker_needs_invitation = A community member becomes a speaker by accepting an invitation: invite them from the speaker pool. Guests who are not members can be named here by their name.

# UG-1: a group over the years
error-group_has_upcoming_events = { $count ->
    [one] The group still has an upcoming event. Cancel it or let it take place before archiving the group.
   *[other] The group still has { $count } upcoming events. Cancel them or let them take place before archiving the group.
}
field-region_unchanged = The group is already in this region: choose another one.
group-archived-banner = This group is archived: it holds no events and is not listed in the directory.
group-lifecycle = Group status
group-archive = Archive this group
group-archive-hint = For a group that stopped meeting. Its past events stay readable; its leaders are told why. It can be reactivated later.
group-archive-reason = Reason (the leaders read it)
group-archive-yes = Archive the group
group-reactivate = Reactivate this group
group-reactivate-hint = Reactivating lists the group in the directory again and lets its leaders announce events.
group-move = Move to another region
group-move-hint = The new region's community managers look after the group from now on, and its fee schedule applies to new claims.
group-move-region = New region
group-move-yes = Move the group
group-archived-done = The group was archived; its leaders have been told.
group-reactivated-done = The group is active again; its leaders have been told.
group-moved-done = The group was moved; its leaders and the region's managers have been told.
mail-group-archived-subject = { $group } was archived
mail-group-archived-body =
    Hello { $name },

    { $group } was archived by the community team. The reason given:

    { $detail }

    Its past events stay readable. If the group starts meeting again, ask your community manager to reactivate it:

    { $link }
mail-group-reactivated-subject = { $group } is active again
mail-group-reactivated-body =
    Hello { $name },

    { $group } was reactivated: it is listed again and you can announce its next event here:

    { $link }
mail-group-moved-subject = { $group } moved to { $detail }
mail-group-moved-body =
    Hello { $name },

    { $group } now belongs to the region { $detail }. Its community managers look after the group from now on, and the region's fee schedule applies to new expense claims.

    { $link }
mail-group-joined-region-subject = { $group } joined { $region }
mail-group-joined-region-body =
    Hello { $name },

    { $group } was moved to { $region }, which you manage. Meet its leaders and see its events here:

    { $link }
error-interview_not_held = The interview has not taken place yet. Appoint the applicant once you have met them at the booked time.
lead-appoint-after = You can appoint the applicant once the interview has taken place: { $when }.
lead-found-group = The new group
lead-found-group-hint = Appointing creates { $name } in { $city }, with the applicant as its leader. Say where it is; the leader can edit the rest afterwards.
lead-appoint-no-interview = no interview is booked yet
conduct-held = arrived during a flood
conduct-held-text = { $count ->
    [one] One open report arrived while the group received many at once. Reports during a flood are kept, not refused: read it and dismiss it if it is noise.
   *[other] { $count } open reports arrived while the group received many at once. Reports during a flood are kept, not refused: read them and dismiss the noise.
}
mail-conduct-flood-subject = Many code-of-conduct reports about { $group }
mail-conduct-flood-body =
    Hello { $name },

    { $group } is receiving many code-of-conduct reports at once. Each one is kept for you to review rather than refused, so that a real report is not lost in the noise. You will hear about this at most once an hour; the reports are here:

    { $link }
claim-reason = Reason (sent to the group's leaders)
conduct-filter = Which reports
conduct-filter-all = All reports
conduct-filter-open = Open reports
conduct-filter-closed = Closed reports
conduct-older = Older reports
field-report_state_invalid = Choose open or closed.
speakers-next = More speakers
