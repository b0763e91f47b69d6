# Admin settings page: areas, labels, help and units.

## Page strings
settings-search = Find a setting
settings-search-button = Find
settings-saved = Saved: { $setting } is now { $value }.
settings-yes = Yes
settings-no = No
settings-not-set = Not set
settings-range = From { $min } to { $max }.
settings-list-hint = One per line.
settings-reason-hint = Why are you changing it? It is kept in the audit log.

## Areas
settings-area-auth = Sign-in and accounts
settings-area-mail = Email delivery
settings-area-events = Events
settings-area-groups = Groups
settings-area-leaders = Group leaders
settings-area-expenses = Expenses
settings-area-conduct = Code of conduct reports
settings-area-champions = Champions
settings-area-mvp = MVP
settings-area-ambassadors = Ambassadors
settings-area-imports = Imports

## Units, shown after the field
setting-unit-minutes = minutes
setting-unit-hours = hours
setting-unit-days = days
setting-unit-months = months
setting-unit-seconds = seconds
setting-unit-kib = KiB
setting-unit-per-minute = per minute
setting-unit-per-hour = per hour
setting-unit-tenths = tenths of a star
setting-unit-times = times
setting-unit-per-year = per year
setting-unit-day-of-month = day of the month
setting-unit-month-of-year = month (1–12)

## Sign-in and accounts
setting-auth-signin-attempts-per-email-per-minute = Wrong passwords per address and network
setting-auth-signin-attempts-per-email-per-minute-help = How many wrong passwords one email address can get from one network before sign-in with a password asks to wait. It slows down guessing without locking the owner out from elsewhere; 5 is typical.
setting-auth-signin-attempts-per-ip-per-minute = Sign-in attempts from one IP address
setting-auth-signin-attempts-per-ip-per-minute-help = How many times one IP address can try to sign in, to any account, before it is asked to wait. Keep it well above the limit for one email address, since a whole office or campus can share an address; 30 is typical.
setting-auth-signups-per-ip-per-hour = Sign-ups from one IP address
setting-auth-signups-per-ip-per-hour-help = How many accounts one IP address can try to create before it is asked to wait. 20 is typical.
setting-auth-link-requests-per-email-per-hour = Emailed links per address
setting-auth-link-requests-per-email-per-hour-help = How many sign-in or password reset links can be sent to one email address before further requests must wait. 5 is typical.
setting-auth-link-requests-per-ip-per-hour = Link requests from one IP address
setting-auth-link-requests-per-ip-per-hour-help = How many sign-in or password reset links one IP address can ask for, whatever the email address, before it is asked to wait. 30 is typical.
setting-auth-signups-per-email-per-hour = Sign-ups for one email address
setting-auth-signups-per-email-per-hour-help = How many times someone can sign up with the same email address before being asked to wait. Each try emails that address, so a low number keeps the form from flooding a stranger's inbox; 3 is typical.
setting-auth-signin-failures-per-email-per-hour = Wrong passwords per address
setting-auth-signin-failures-per-email-per-hour-help = How many wrong passwords one email address can get, from any network, before password sign-in to it asks to wait. Signing in with an emailed link still works; 50 is typical.
setting-auth-session-days = Session length
setting-auth-session-days-help = How long someone stays signed in on a device before they have to sign in again. 30 is typical.
setting-auth-verify-link-hours = Confirmation link lifetime
setting-auth-verify-link-hours-help = How long the link that confirms a new account's email address keeps working. 48 is typical.
setting-auth-signin-link-minutes = Sign-in link lifetime
setting-auth-signin-link-minutes-help = How long an emailed one-time sign-in link keeps working. Keep it short: 15 is typical.
setting-auth-reset-link-minutes = Password reset link lifetime
setting-auth-reset-link-minutes-help = How long a password reset link keeps working. 60 is typical.

## Email delivery
setting-mail-max-attempts = Sending attempts per email
setting-mail-max-attempts-help = How many times each email is tried before it is given up as failed. Each new try waits longer than the one before; 8 is typical.
setting-mail-retry-base-seconds = Wait before the first retry
setting-mail-retry-base-seconds-help = How long to wait before trying a failed email again. Each later try waits twice as long, up to six hours; 30 is typical.

## Events
setting-events-reminder-offsets-hours = Reminders before an event
setting-events-reminder-offsets-hours-help = How many hours before an event starts its attendees get a reminder email, one number per line, at most five: 24 is the day before, 2 is two hours before. Each reminder carries a one-click "I can't come" link that frees the seat. Members can turn reminders off.
setting-events-checkin-opens-minutes-before = Check-in opening before the start
setting-events-checkin-opens-minutes-before-help = Leaders can check people in and let walk-ins in from this long before an event starts. At 0, check-in opens at the start time.
setting-events-checkin-closes-hours-after = Check-in closing after the end
setting-events-checkin-closes-hours-after-help = Check-in and walk-ins stay open this long after an event ends, so leaders can add anyone they missed. At 0, check-in closes at the end time.
setting-events-complete-hours-after-end = Automatic completion after the end
setting-events-complete-hours-after-end-help = A published event is marked completed this long after it ends, and its leaders are asked to check the attendance. At 0, it completes as soon as it ends.
setting-events-date-window-days = Date range for events
setting-events-date-window-days-help = An event can start at most this long before or after today, which catches a mistyped year. The default, 1825, is five years.
setting-events-ticketing-hosts = Ticketing and RSVP sites
setting-events-ticketing-hosts-help = Sites whose links an event may not carry, because people register here, one per line, such as eventbrite.com. Their subdomains are refused too.

## Groups
setting-groups-min-events-per-year = Events required
setting-groups-min-events-per-year-help = How many events each group must hold in a calendar year; each group's health shows how far along it is. The default, 4, is one a quarter; at 0 there is no minimum.
setting-groups-inactive-after-months = Quiet period before needing support
setting-groups-inactive-after-months-help = A group that holds no event for longer than this is marked as needing support: its community manager gets a task and its leaders an email. 3 is typical.

## Group leaders
setting-leaders-guidelines-version = Organizer guidelines version
setting-leaders-guidelines-version-help = The version shown on the organizer guidelines and recorded with each leader's pledge. Raise it by one whenever you change the guidelines.

## Expenses
setting-expenses-receipt-max-kib = Largest receipt file
setting-expenses-receipt-max-kib-help = The biggest single receipt file a leader can attach to an expense claim. The default, 5120, is 5 MiB.
setting-expenses-receipts-per-claim = Receipts per claim
setting-expenses-receipts-per-claim-help = How many receipt files one expense claim can hold. 10 is typical.
setting-expenses-receipts-total-kib-per-claim = Total size of a claim's receipts
setting-expenses-receipts-total-kib-per-claim-help = All the receipts of one expense claim together can be no bigger than this. The default, 20480, is 20 MiB.

## Code of conduct reports
setting-conduct-reports-per-group-per-hour = Reports about one group
setting-conduct-reports-per-group-per-hour-help = Past this number, new reports about a group are still kept but held in one list, and the people who handle them are emailed once an hour instead of for every report. A flood then cannot bury a real report; 20 is typical.
setting-conduct-reports-per-network-per-hour = Reports from one network
setting-conduct-reports-per-network-per-hour-help = How many reports one network can send before it is asked to wait. The count is kept so that it never tells who reported; 10 is typical.
setting-conduct-reports-per-address-per-hour = Reports from one email address
setting-conduct-reports-per-address-per-hour-help = How many reports can give the same email address before that reporter is asked to wait. Reports without an email address do not count here; 3 is typical.

## Champions
setting-champions-forums-min-solutions = Forums: accepted solutions
setting-champions-forums-min-solutions-help = How many answers marked as the solution a Forums applicant needs in the current calendar year. The default is 5; at 0 this criterion is always met.
setting-champions-forge-min-components = Forge: published components
setting-champions-forge-min-components-help = How many published components a Forge applicant needs, each on a supported platform version and rated at least the minimum rating. The default is 2; at 0 this criterion is always met.
setting-champions-forge-min-rating-tenths = Forge: minimum component rating
setting-champions-forge-min-rating-tenths-help = The lowest rating a component can have and still count: 40 means 4.0 stars, and 50 is the top of the scale.
setting-champions-forge-supported-versions = Forge: supported platform versions
setting-champions-forge-supported-versions-help = The platform versions a component must be built for to count, one per line, such as O11.
setting-champions-events-min-organized = Organizing events: events organized
setting-champions-events-min-organized-help = How many events an Organizing events applicant needs to have organized. Events held here by a group they lead count by themselves; the default is 2.
setting-champions-speaking-min-sessions = Speaking: sessions presented
setting-champions-speaking-min-sessions-help = How many sessions a Speaking applicant needs to have presented, with slides or a recording. Sessions at events held here count by themselves; the default is 1.
setting-champions-content-min-pieces = Technical content: pieces published
setting-champions-content-min-pieces-help = How many blog posts, videos, how-to guides or other pieces a Technical content applicant needs. The default is 2.
setting-champions-mentoring-min-testimonials = Mentoring: testimonials
setting-champions-mentoring-min-testimonials-help = How many testimonials from mentees, or onboarding plans, a Mentoring applicant needs. The default is 1.
setting-champions-window-months = Eligibility window
setting-champions-window-months-help = How far back contributions count towards a Champions application, in every focus area except Forums, which counts the current calendar year. 12 is one year.
setting-champions-seat-cap = Seat cap
setting-champions-seat-cap-help = The most Champions at one time. Leave at 0 for no limit: the program is meant to grow.
setting-champions-nda-required = NDA required
setting-champions-nda-required-help = When Yes, a Champion's membership starts only once the day the NDA was signed is recorded on the application. Off by default.
setting-champions-moderator-rights = Moderator rights
setting-champions-moderator-rights-help = When Yes, Champions get moderator rights in the online community, which connected tools read through the API. Off by default.
setting-champions-exclusive-with = Incompatible programs
setting-champions-exclusive-with-help = Tick the programs nobody can belong to at the same time as Champions. It works both ways, so ticking it on either program is enough; by default this is MVP.
setting-champions-renewal-month = Renewal month
setting-champions-renewal-month-help = The month in which the yearly renewal of Champions and MVPs runs by itself. The default is 12, December.
setting-champions-renewal-day = Renewal day
setting-champions-renewal-day-help = The day of that month on which the renewal runs. A day past the end of the month means its last day, so 31 always works; the default is the 1st.
setting-champions-renewal-look-back-months = Renewal look-back
setting-champions-renewal-look-back-months-help = How far back the yearly renewal measures each member's activity. 12 is the past year.

## MVP
setting-mvp-seat-cap = Seat cap
setting-mvp-seat-cap-help = The most MVPs at one time; when it is reached, nobody new can join until a membership ends. The MVP program always has a limit, 150 by default.
setting-mvp-nda-required = NDA required
setting-mvp-nda-required-help = When Yes, an MVP award starts only once the day the NDA was signed is recorded on the application. On by default.
setting-mvp-moderator-rights = Moderator rights
setting-mvp-moderator-rights-help = When Yes, MVPs get moderator rights in the online community, which connected tools read through the API. On by default.
setting-mvp-exclusive-with = Incompatible programs
setting-mvp-exclusive-with-help = Tick the programs nobody can belong to at the same time as MVP. It works both ways, so ticking it on either program is enough; by default this is Champions.
setting-mvp-min-contributions-per-year = Contributions to keep the award
setting-mvp-min-contributions-per-year-help = How many contributions of any kind an MVP makes in a year to be renewed by themselves. Leave at 0 for no target: program staff then evaluate every MVP at renewal.

## Ambassadors
setting-ambassadors-seat-cap = Seat cap
setting-ambassadors-seat-cap-help = The most Ambassadors at one time. Leave at 0 for no limit.
setting-ambassadors-nda-required = NDA required
setting-ambassadors-nda-required-help = When Yes, an Ambassador's membership starts only once the day the NDA was signed is recorded on the application. Off by default.
setting-ambassadors-moderator-rights = Moderator rights
setting-ambassadors-moderator-rights-help = When Yes, Ambassadors get moderator rights in the online community, which connected tools read through the API. Off by default.
setting-ambassadors-exclusive-with = Incompatible programs
setting-ambassadors-exclusive-with-help = Tick the programs nobody can belong to at the same time as Ambassadors. Leave all unticked, as by default, so Ambassadors combines with either program.
setting-ambassadors-min-contributions-per-year = Contributions needed to join
setting-ambassadors-min-contributions-per-year-help = How many contributions of any kind an Ambassadors applicant shows over the past year to pass screening; 2 is typical. Leave at 0 to leave screening to the reviewer's judgment alone.

## Imports
setting-imports-forum-url = Forum address
setting-imports-forum-url-help = The address of the Discourse forum whose accepted answers members import, such as https://forum.example.com. Leave empty if there is no forum: importing from it is then off.
settings-none = No setting matches those words. Try another, or clear the search.

## Parts of the world, heading the time zones of their places
zone-area-Africa = Africa
zone-area-America = Americas
zone-area-Antarctica = Antarctica
zone-area-Arctic = Arctic
zone-area-Asia = Asia
zone-area-Atlantic = Atlantic Ocean
zone-area-Australia = Australia
zone-area-Europe = Europe
zone-area-Indian = Indian Ocean
zone-area-Pacific = Pacific Ocean
field-country-choose = Choose a country
field-time-zone-choose = Choose a time zone
zone-area-other = Other
zone-utc = UTC (coordinated universal time)
