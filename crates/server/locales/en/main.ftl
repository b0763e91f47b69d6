# Guildhall interface, English.

nav-skip = Skip to content
progress-look-again = Look again to see how far it has come
nav-label = Main
nav-menu = Menu
nav-messages = Messages
nav-admin = Admin
nav-sign-out = Sign out
nav-sign-in = Sign in
nav-sign-up = Sign up
nav-language = Language

home-title = Your developer community, in one place
home-lead = Local user groups, their free events, and the Champions, MVP and Ambassadors programs.
home-welcome-back = Welcome back,

error-back-home = Back to the home page
error-invalid_input = Some fields need your attention.
error-invalid_id = That identifier is not valid.
error-email_taken = An account with this email already exists.
error-bad_credentials = The email or password is wrong.
error-email_not_verified = Please confirm your email address first: use the link we sent you, or ask for a sign-in link below.
error-link_invalid = This link is invalid, has expired or was already used. Ask for a new one.
error-rate_limited = Too many attempts. Please wait a little and try again.
error-unauthenticated = Please sign in first.
error-forbidden = You are not allowed to do this.
error-not_found = We could not find that page.
error-csrf_rejected = This form has expired. Reload the page and try again.
error-region_name_taken = A region with this name already exists.
error-unknown_setting = There is no such setting.
error-internal = Something went wrong on our side. Please try again later.
error-method_not_allowed = This address does not accept that kind of request.
error-hint-not_found = The address may be mistyped, or what it showed was moved or removed. Groups and their events are listed on the groups page.
error-hint-method_not_allowed = This address is where a form is sent, not a page to open. Go back to the page the form was on and use its button.
error-hint-forbidden = If you think you should be able to, ask your community manager or an admin for the role that allows it.
error-hint-internal = It was noted on our side. If it keeps happening, tell the admins what you were doing when it did.
error-see-groups = Find a group
error-payload_too_large = The request is too large.
error-unsupported_media_type = The request's content type is not supported.
error-bad_request = The request could not be understood.
error-timeout = The request took too long.
error-unavailable = The site cannot reach its database for a moment. Please try again in a few seconds.

field-invalid = This value is not valid.
field-required = This field is required.
field-code_invalid = Each code goes on its own line, up to 200 characters: this looks like something else was pasted.
field-too_long = This is too long.
field-control_characters = This contains characters that are not allowed.
field-email_invalid = Enter an email address like name@example.org.
field-password_too_short = Use at least 10 characters.
field-slug_invalid = Use lower-case letters, digits and single hyphens.
field-time_zone_invalid = Enter a time zone such as Europe/Lisbon.
field-currency_invalid = Enter a currency code such as EUR.
field-locale_unsupported = This language is not available.
field-not_a_number = Enter a whole number.
field-out_of_range = This number is outside the allowed range.
field-host_invalid = Enter one host name per line, such as example.com.
field-role_unknown = Unknown role.
field-member_not_found = No member has this email address.
field-body_unreadable = The request body could not be read.
field-form_malformed = The form could not be read.
field-body_too_large = The request body is too large.
field-json_content_type = Send the body as JSON with Content-Type: application/json.
field-json_malformed = The body is not valid JSON of the expected shape.

field-name = Name
field-email = Email
field-password = Password
field-password-hint = At least 10 characters. A short sentence is easy to remember.
field-new-password = New password
field-locale = Language
field-time-zone = Time zone
field-time-zone-hint = Times are shown in this zone: choose the place nearest you.
field-time-zone-browser = Use this browser's time zone
field-currency = Currency
field-currency-hint = ISO 4217 code, e.g. EUR, GBP, BRL.
field-reason = Reason for the change

signup-title = Create your account
signup-submit = Sign up
signup-have-account = Already have an account?
signup-done-title = Check your email
signup-done-body = We sent a link to confirm your address. Open it to finish signing up.

signin-title = Sign in
signin-submit = Sign in
signin-forgot = Forgot your password?
signin-link-heading = Or get a sign-in link by email
signin-link-submit = Email me a link
signin-no-account = New here?

link-confirm-title = Continue signing in
link-confirm-submit = Sign me in
link-invalid-title = This link does not work
link-sent-title = Check your email
link-sent-body = If an account exists for that address, we sent it a sign-in link. It works once, for a short time.

forgot-title = Reset your password
forgot-submit = Email me a reset link
reset-sent-title = Check your email
reset-sent-body = If an account exists for that address, we sent it a link to choose a new password.
reset-title = Choose a new password
reset-submit = Save password

account-title = Your account
account-save = Save
tokens-heading = API tokens
tokens-created = Your new token. Copy it now: it will not be shown again.
tokens-none = You have no API tokens.
tokens-name = Token name
tokens-create = Create token

messages-title = Messages
messages-none = No messages yet.
messages-back = All messages

admin-audit = Audit log
admin-regions = Regions
admin-settings = Settings
admin-people = People
people-title = People and roles
people-intro = Find a member to make them program staff, an admin or a community manager of a region, or to take a role back. They are emailed either way.
people-search = Name or email
people-find = Find
people-none = Nobody matches. Try part of the name or of the email address.
people-roles = Roles
people-no-roles = A member with no staff role.
people-leads = Groups they lead (named on each group's page):
people-revoke = Remove
people-grant = Give a role
people-grant-help = Program staff screen applications, verify evidence and run renewals and benefits. Community managers look after the groups of one region. Admins grant roles and change settings.
people-role = Role
people-region = Region
people-no-region = No region
people-region-help = Only for a community manager: the region they look after.
people-grant-button = Give the role
people-newer = Previous page
people-more = Next page
people-done-granted = Role given. The member has been emailed.
people-done-already = The member already held this role; nothing changed.
people-done-revoked = Role removed. The member has been emailed.
role-program_staff = Program staff
role-community_manager = Community manager
role-admin = Admin
role-group_leader = Group leader
audit-filter-entity = Object id
audit-filter-action = Action
audit-filter = Filter
audit-when = When
audit-who = Who
audit-what = What
audit-object = Object
audit-why = Why
audit-entity-announcement = Announcement
audit-entity-application = Program application
audit-entity-benefit = Benefit
audit-entity-claim = Expense claim
audit-entity-conduct-report = Conduct report
audit-entity-event = Event
audit-entity-expert-request = Expert request
audit-entity-group = Group
audit-entity-import = Import
audit-entity-invitation = Invitation
audit-entity-leader-application = Leader application
audit-entity-member = Member
audit-entity-program-application = Program application
audit-entity-region = Region
audit-entity-registration = Registration
audit-entity-setting = Setting
audit-entity-venue = Venue
audit-entity-walk-in = Walk-in
audit-system = System
audit-older = Older entries

regions-new = New region
regions-create = Create region
regions-managers = Community managers
regions-no-managers = This region has no community manager yet.
regions-remove-manager = Remove
regions-manager-email = Member's email
regions-add-manager = Add community manager
regions-saved = Region saved.
regions-manager-added = Added: they are now a community manager of this region, and were emailed to say so.
regions-manager-already = That person already manages this region: nothing changed.
regions-manager-removed = Removed: they no longer manage this region, and were emailed to say so.

settings-lead = The numbers and lists behind the rules. Every change is recorded with its reason.

mail-verify-subject = Confirm your email address
mail-verify-body =
    Hello { $name },

    Welcome to Guildhall. Please confirm your email address by opening this link:

    { $link }

    If you did not sign up, you can ignore this email.
mail-signin-link-subject = Your sign-in link
mail-signin-link-body =
    Hello { $name },

    Open this link to sign in. It works once, for a short time:

    { $link }

    If you did not ask for it, you can ignore this email.
mail-reset-subject = Reset your password
mail-reset-body =
    Hello { $name },

    Open this link to choose a new password:

    { $link }

    If you did not ask for it, you can ignore this email; your password stays the same.
mail-account-exists-subject = You already have an account
mail-account-exists-body =
    Hello { $name },

    Someone tried to sign up with this address, but you already have an account. Sign in here:

    { $link }

    If it was not you, no action is needed.
mail-password-changed-subject = Your password was changed
mail-password-changed-body =
    Hello { $name },

    Your password was just changed and every other session was signed out. If this was not you, reset your password at once.
mail-manager-added-subject = You are now a community manager of { $region }
mail-manager-added-body =
    Hello { $name },

    You are now a community manager of the region { $region }. You will see its groups, their health and their open tasks here:

    { $link }

mail-role-granted-subject = { $role ->
    [admin] You are now an admin of Guildhall
   *[program_staff] You are now program staff
}
mail-role-granted-body =
    Hello { $name },

    { $role ->
        [admin] You are now an admin: you grant roles, edit regions and settings, and read the audit log. Find people here:
       *[program_staff] You are now program staff: you screen applications, verify evidence and run renewals and benefits. Your pipeline is here:
    }

    { $link }
mail-role-revoked-subject = { $role ->
    [admin] You are no longer an admin
    [community_manager] You are no longer a community manager of { $region }
   *[program_staff] You are no longer program staff
}
mail-role-revoked-body =
    Hello { $name },

    { $role ->
        [admin] An admin removed your admin role.
        [community_manager] An admin removed your role as community manager of { $region }.
       *[program_staff] An admin removed your program staff role.
    } Your account and everything else you do here stay as they were. If you think this is a mistake, reply to an admin of your community.

    { $link }

## Groups and events (UG-1, UG-5, UG-14)
error-slug_taken = Another group already uses this web address. Choose another slug.
error-already_registered = You are already registered for this event.
error-registration_closed = Registration is not open for this event.
error-event_state_conflict = { $to ->
    [check_in] { $from ->
        [draft] Nobody can be let in yet: the event is still a draft. Publish it first.
        [cancelled] Nobody can be let in: the event was cancelled.
       *[other] Nobody can be let in at the door of this event now.
    }
    [edited] { $from ->
        [cancelled] A cancelled event can no longer be changed.
        [completed] A completed event can no longer be changed.
       *[other] The event can no longer be changed.
    }
    [published] { $from ->
        [published] The event is already published.
        [cancelled] A cancelled event cannot be published again: create a new event instead.
       *[other] The event cannot be published from where it stands now.
    }
    [cancelled] { $from ->
        [cancelled] The event was already cancelled.
        [completed] A completed event cannot be cancelled.
       *[other] The event cannot be cancelled from where it stands now.
    }
    [completed] { $from ->
        [draft] A draft cannot be marked completed: publish it and hold it first.
        [completed] The event is already marked completed.
        [cancelled] A cancelled event cannot be marked completed.
       *[other] The event cannot be marked completed yet.
    }
    [materials_added] { $from ->
        [draft] Slides and recordings are added once the event is published.
       *[other] A cancelled event has no slides or recordings to add.
    }
    [materials_sent] The slides and recordings are sent once the event is marked completed.
   *[other] The event cannot change that way from where it stands now.
}
error-ticket_invalid = This ticket is not valid for this event: unknown, cancelled, or still on the waiting list.
error-checked_in_already = You were already checked in at this event, so this registration can no longer be cancelled.
field-country_invalid = Choose a country from the list (in the API, its two-letter code, such as PT).
field-link_invalid = Enter a full web address starting with https://.
field-registration_link_refused = Registration happens here on Guildhall: links to ticketing or RSVP sites are not allowed. Link to other pages about the event instead.
field-too_many_links = At most 10 links.
field-capacity_invalid = Enter how many people can attend, from 1 to 100000.
field-capacity_below_confirmed = More people are already confirmed than this. Capacity can only shrink down to those confirmed.
field-datetime_invalid = Enter a date and time such as 2026-12-01T18:30.
field-time_skipped_by_dst = This time does not exist in the group's time zone: the clocks skip it when summer time starts.
field-ends_before_start = The end must come after the start.
field-event_too_long = An event can last at most 14 days.
field-location_required = Choose a venue or give an online link before publishing.
field-event_in_past = This event has already ended.
field-event_not_started = An event can be completed only once it has started.
field-status_invalid = Unknown status.
field-venue_kind_invalid = Choose a kind of venue from the list.
field-venue_unknown = Choose a venue from the list.
field-region_unknown = Choose a region from the list.
field-group_archived = This group is archived.
field-ticket_code_invalid = A ticket code has 8 letters and digits, like ABCD-EF23.
mail-leader-added-subject = You now lead { $group }
mail-leader-added-body =
    Hello { $name },

    You are now a leader of { $group }. Create its next event here:

    { $link }
mail-registered-subject = You're in: { $event }
mail-registered-body =
    Hello { $name },

    Your seat at { $event } ({ $group }) on { $when } is confirmed. Your ticket, with the code to show at the door:

    { $link }

    Can't make it? Cancel from the ticket page so someone on the waiting list gets your seat.
mail-waitlisted-subject = Waiting list: { $event }
mail-waitlisted-body =
    Hello { $name },

    { $event } ({ $group }) on { $when } is full. You are number { $position } on the waiting list; we will email you as soon as a seat frees up.

    { $link }
mail-promoted-subject = A seat freed up: { $event }
mail-promoted-body =
    Hello { $name },

    Good news: a seat freed up at { $event } ({ $group }) on { $when }, and it is yours. Your ticket:

    { $link }
mail-event-completed-subject = { $event } is complete: { $checked_in } checked in
mail-event-completed-body =
    Hello { $name },

    { $event } ({ $group }) has ended and is now marked as completed. { $checked_in } people were checked in at the door; an event with at least one check-in counts as held for your group's health.

    Please confirm the check-ins: if someone came but was not checked in, you can still check them in until { $door_closes }.

    { $link }
mail-event-changed-subject = Changed: { $event }, { $when }
mail-event-changed-body =
    Hello { $name },

    The organizers of { $event } ({ $group }) changed it:

    { $changes }

    The calendar invitation attached replaces the one you have. Everything else stays as it was: your place, or your place on the waiting list, is kept. If you can no longer come, cancel on the event page so someone waiting gets the seat.

    { $link }
event-change-time = When: { $old } → now { $new }
event-change-place = Where: { $old } → now { $new }
event-change-link = The online link changed: open the event page to join.
event-change-online = Online
mail-event-message-subject = { $event }: { $subject }
mail-event-message-body =
    Hello { $name },

    The organizers of { $event } ({ $group }) write:

    { $message }

    { $link }
mail-event-cancelled-subject = Cancelled: { $event }
mail-event-cancelled-body =
    Hello { $name },

    We are sorry: { $event } ({ $group }), planned for { $when }, has been cancelled by its organizers.{ $reason }

    { $link }
mail-event-cancelled-reason = {" "}They wrote: “{ $reason }”
mail-reminder-subject = Reminder: { $event }, { $when }
mail-reminder-body =
    Hello { $name },

    See you soon at { $event } ({ $group }) on { $when }. Your ticket:

    { $link }

    Can't come after all? Let your place go with one click, and the next person waiting gets it:

    { $release }
nav-groups = Groups
nav-tickets = My tickets
breadcrumb = Breadcrumb
form-save = Save
home-coming-up = Coming up
home-find-group = Find a group near you
groups-title = User groups
groups-search = Name or city
groups-search-hint = e.g. Lisboa
groups-region = Region
groups-leaders = Leaders
groups-leaders-hint = The email of each first leader, separated by commas. Each must have an account already; every group has at least one leader.
field-leaders_required = Name at least one leader: every group has one.
error-last_leader = This is the group's only leader. Appoint another leader first, then remove this one, or archive the group.
groups-country = Country
groups-any = Any
groups-filter = Show groups
groups-none-match = No group matches this search: try another spelling or the city's other name, or fewer filters.
groups-show-all = Show all groups
groups-none-near = No group near you yet? Volunteers start them, and we help.
groups-start-one = Apply to start or lead a group
groups-new = New group
groups-count = { $count ->
    [one] One group
   *[other] { $count } groups
}
group-needs-support = needs support
group-edit = Edit group
group-upcoming = Upcoming events
group-past = Past events
group-no-upcoming = No events planned yet.
group-no-past = No past events yet.
group-subscribe = Never miss an event:
group-subscribe-app = subscribe in your calendar app
group-leaders = Leaders
group-leader-add = Appoint a leader by email
group-leader-appoint = Appoint
group-leader-remove = Remove
group-appoint-hint = Appointing makes the person a leader now: they can edit the group and run its events at once. To have them apply and be interviewed first, nominate them instead.
group-nominate-hint = Nominating invites the person to apply: they tell us about their experience and accept the organizer guidelines, then the community manager interviews them. They lead only once appointed.
field-slug = Web address
field-slug-hint = Lower-case letters, digits and hyphens. Leave empty to make one from the name.
field-city = City
field-country = Country
field-group-time-zone-hint = The group's events are entered and shown in this zone: the place where it meets.
field-description = Description
field-title = Title
field-abstract = Abstract
field-speakers = Speakers
field-speakers-hint = Guests who are not members, one per line, by name. To have a member speak, find them by name in the speaker pool and invite them.
field-starts-at = Starts
field-ends-at = Ends
field-capacity = Capacity
field-venue = Venue
field-venue-none = No venue (online only)
field-online-link = Online link
field-online-link-hint = Shown only to people with a confirmed seat.
field-promotion-links = Promotion links
field-promotion-links-hint = One per line: slides, blog posts, videos. Not ticketing or RSVP sites: registration happens here.
field-ticket-code = Ticket code
event-new = New event
event-edit = Edit event
event-times-in-zone = Times are in the group's time zone, { $zone }.
event-status-draft = Draft: only the group's leaders see it
event-status-published = Published
event-status-cancelled = Cancelled
event-status-completed = Completed
event-online = online
event-talks = Talks
event-links = Links
event-attend = Attend
event-where = Where:
event-online-link = Join online:
event-online-hidden = Online: the link appears here once your seat is confirmed.
event-seats = { $left } of { $capacity } seats left
event-waiting = { $count } waiting
event-free = Free: registration never asks for payment.
event-you-are-in = You're in. See you there!
event-you-wait = You are number { $position } on the waiting list. We will email you if a seat frees up.
event-see-ticket = See your ticket
event-register = Register
event-join-waitlist = Join the waiting list
event-signin-to-register = Sign in to register
event-add-calendar = Add to calendar
event-manage = Run this event
event-tally = { $confirmed } confirmed, { $waiting } waiting, { $checked } checked in
event-held = held
event-attendees = Attendees and check-in
event-publish = Publish
event-complete = Mark completed
event-cancel = Cancel event…
event-cancel-title = Cancel this event?
event-cancelled-reason = The organisers cancelled it and wrote: “{ $reason }”
event-cancel-walk-ins = { $count ->
    [one] One person let in at the door without registering is not emailed.
   *[other] { $count } people let in at the door without registering are not emailed.
}
event-cancel-who = { $count ->
    [0] Nobody is registered, so no one will be emailed.
    [one] One person will be emailed: { $confirmed } with a seat, { $waiting } on the waiting list.
   *[other] { $count } people will be emailed: { $confirmed } with a seat and { $waiting } on the waiting list.
}
event-cancel-final = This cannot be undone: a cancelled event is not published again. To hold it later, create a new event.
event-cancel-reason = Why is it cancelled?
event-cancel-reason-hint = Everyone emailed reads this in their email; it is also kept in the audit log.
event-cancel-confirm = Cancel the event and tell them
event-cancel-confirm-nobody = Cancel the event
event-cancel-keep = Keep the event
talk-add = Add a talk
talk-remove = Remove talk
talk-removed-done = The talk was removed from the programme.
ticket-title = Ticket
ticket-qr = QR code of your ticket
ticket-show-at-door = Show this code or the QR image at the door.
ticket-event-page = Event page
ticket-cancel = Cancel my registration
ticket-held-by = This is { $name }'s ticket: you see it because you run the group.
ticket-cancel-theirs = Cancel this registration
ticket-checked-in = You were checked in at the door. Enjoy the event!
ticket-event-cancelled = The group cancelled this event. Your place is void; look at the group's page for its next events.
ticket-given-up = You gave up this place. You can register again from the event page while it takes registrations.
ticket-ended = This event is over.
ticket-badge-ended = over
ticket-cancel-confirm = Your seat goes to the first person on the waiting list, who is emailed. If you change your mind, you join at the back of the line.
ticket-cancel-waiting-confirm = You leave the waiting list. If you change your mind, you join at the back of the line.
ticket-cancel-yes = Yes, give up this place
tickets-none = You have no tickets yet.
tickets-find = Find an event
checkin-by-code = Check in by ticket code
checkin-button = Check in
walkin-title = Let someone in at the door
walkin-button = Let in
walkin-email = Email (optional)
walkin-hint = With the email of a member's account, they are registered and checked in. Without one, they come in by name and take a free seat.
attendee-walk-in = walk-in
door-walk-ins-count = { $count ->
    [one] 1 let in without an account
   *[other] { $count } let in without an account
}
door-walk-in-erased = (name erased)
door-search = Find by name
door-search-button = Find
door-nobody-yet = Nobody is registered yet.
door-nobody-by-name = Nobody on the list has that name. Check the spelling, or let them in as a walk-in.
door-in = Checked in
door-in-text = { $name } is in.
door-walk-in-text = { $name } is in, as a walk-in.
door-already = Already checked in
door-already-text = { $name } was checked in at { $time }: the same ticket shown twice.
door-waiting = On the waiting list
door-waiting-text = { $name } is number { $position } on the waiting list and has no seat yet.
door-gave-up = Place given up
door-gave-up-text = { $name } gave up this place. If a seat is free, let them in as a walk-in.
error-event_full = The event is full: all { $capacity } seats are taken. Raise the capacity on the event's edit page to let someone in.
door-unknown = Not registered
door-unknown-text = No place at this event has this code. Check the code, or find them by name below.
attendee-status = Status
attendee-checkin = Check-in
attendee-confirmed = confirmed
attendee-waiting = waiting
attendee-checked-in = checked in
venue-kind-coworking = coworking
venue-kind-university = university
venue-kind-public_venue = public venue
venue-kind-event_space = event space
venue-kind-online = online
venue-kind-partner_office = partner office
venue-kind-client_office = client office
venue-kind-vendor_office = vendor office
venue-kind-other = other
venue-new = Add a venue
venue-new-hint = Venues are shared by all groups. Prefer neutral places: coworking spaces, universities, public venues.
venue-add-link = Not in the list? Add a venue
field-address = Address
field-venue-kind = Kind of place
event-signin-to-wait = Sign in to join the waiting list
field-password_wrong = This is not your current password.
account-password-heading = Password
account-current-password = Current password
account-new-password = New password
account-change-password = Change the password
account-password-changed = Your password was changed; your other sessions were signed out.
account-sessions-heading = Sessions
account-sessions-hint = Signed in on a computer you no longer use? Sign out everywhere, this browser included.
account-sign-out-everywhere = Sign out everywhere
tokens-revoke = Revoke
tokens-last-used = last used
tokens-never-used = never used
account-data-heading = Your data
account-data-hint = One JSON file with everything Guildhall holds about you: profile, roles, registrations and check-ins, contributions, applications, memberships, benefit codes, messages, expense claims and the audit entries about you.
account-data-download = Download my data
account-delete-heading = Delete my account
account-delete-hint = Your name, address, sessions, tokens and messages are deleted. Your registrations, check-ins and contributions stay without your name, so event counts and program history stay true. This cannot be undone.
account-delete-confirm = Type your email address to confirm
account-delete-button = Delete my account
field-confirm_email_mismatch = This is not your email address.

mail-link-removed = (a one-time link, sent by email only and not kept here)
mail-account-unconfirmed-subject = Finish setting up your account
mail-account-unconfirmed-body =
    Hello { $name },

    Someone signed up with this address before, but the address was never confirmed. If that was you, or if you want the account now, choose your password with this link. It confirms the address, and any password chosen before stops working:

    { $link }

    If you do not want an account, ignore this email: nobody can sign in until the address is confirmed.
verify-title = Confirm your email address
verify-lead = Type the password you chose when you signed up to finish. If you did not sign up yourself, or do not remember it, leave it empty: the address is confirmed for you, no password chosen before is kept, and you choose your own next.
verify-submit = Confirm my address
field-password_not_this_signup = This is not the password chosen at sign-up. Try again, or leave the field empty to choose a new one.
reset-revoke-tokens = Also revoke my API tokens (programs using them stop working)
verify-done-choose-password = Your address is confirmed. Choose your password to finish.
field-invisible_characters = Remove the invisible characters (direction marks, zero-width spaces): they make text look like something it is not.
field-slug_reserved = This address is one the site uses for its own pages. Choose another, e.g. add the city.
field-event_not_ended = An event can be marked completed only once it has ended. Come back after it finishes.
field-event_moved_into_past = A published event cannot be moved into the past. To record a change of plan, cancel it and tell the attendees.
field-event_too_far_past = That start is too long ago. Check the year: events can be dated up to the limit in the settings (five years by default) either side of today.
field-event_too_far_ahead = That date is too far ahead. Check the year: events can be planned up to the limit in the settings (five years by default).
field-door_not_open_yet = Check-in has not opened yet: the attendees page says when it opens.
field-door_closed = Check-in for this event has closed: the attendees page says when it did.
field-register_others_at_door = You can register someone else only at the door, while check-in is open. Otherwise send them the event's page: they register themselves.
message-title = Write to the registrants
message-audience = To
message-audience-all = Everyone registered (confirmed and waiting)
message-audience-confirmed = Those with a place
message-audience-waiting = The waiting list
message-audience-checked-in = Those checked in
message-subject = Subject
message-body = Message
message-send = Send
message-sent = Your message is on its way to { $count } people.
field-audience_invalid = Choose who the message is for.
field-nobody_to_message = Nobody is in this group of registrants yet: choose another, or write later.
field-manager_needs_region = A community manager looks after one region: choose it.
emails-title = Email preferences
emails-lead = Choose which optional emails you receive. Each of them also has an unsubscribe link.
emails-optional = Optional emails
emails-topic-reminders = Reminders before events I registered for
emails-topic-reminders-hint = Sent the day before, with your ticket.
emails-topic-announcements = Messages from the organizers of my events
emails-topic-announcements-hint = What a group's leaders write to the people registered for one of their events.
emails-essential = Some emails always go out, because you need them: your registrations and tickets, changes to the time or place of an event, cancellations, sign-in links and decisions about your applications.
emails-saved = Your email preferences were saved.
emails-account-hint = Reminders and organizers' messages are optional.
emails-choose = Choose your emails
unsubscribe-title = Unsubscribe
unsubscribe-ask = Stop receiving these emails: { $topic }?
unsubscribe-yes = Unsubscribe
unsubscribe-done = Done: you will no longer receive these emails: { $topic }.
unsubscribe-change = You can turn them back on at any time on your
talk-edit = Edit this talk
talk-edit-review = This event's sessions are reviewed: saving sends the talk back to the reviewers, and attendees see it again once it is approved.
talk-edit-save = Save the talk
field-cursor_invalid = This page link is not valid any more. Start again from the first page.
picker-find = Find
picker-hint = Type part of their name; accents and capitals do not matter.
picker-none = Nobody with a confirmed account has that name. Check the spelling, or use their email address.
picker-found = People found
picker-by-email = Or use their email address
picker-appoint = Find a co-leader by name
picker-nominate = Find someone to nominate by name
picker-speaker = Find a member to add as a speaker
picker-add-speaker = Add as speaker
picker-manager = Find a community manager by name
picker-more = More people match than are shown: type more of the name.
door-opens-at = Check-in opens at { $time }. Until then this page lists who is coming; the buttons answer once the door is open.
door-closed-at = Check-in closed at { $time }. The list shows who came.
account-verified-notice = Your address is confirmed and you are signed in. Welcome! Find a group to follow, or an event to come to.
account-saved-notice = Saved: your name, language and time zone are as shown below.
directory-saved-listed = Saved: you are listed in the public directory as shown below.
directory-saved-unlisted = Saved: you are not listed in the public directory. Tick the box and save to be listed.
event-cancelled-no-seats = This event was cancelled: there is nothing to register for. The group's other events are on its page.
event-published-done = Published: members can register now, and anyone following the group is emailed.
event-completed-done = Marked completed: it counts as held if anyone checked in.
group-saved-done = The group's page is saved.
venue-created-done = The venue is added to the registry below: choose it in an event's form.
