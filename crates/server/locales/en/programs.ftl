# The Champions program and its siblings (CH-1 to CH-9, PL-2)

mail-program-submitted-subject = Thank you for applying to { $program }
mail-program-submitted-body =
    Hello { $name },

    Thank you for applying to the { $program } program. The team will be in touch soon.

    Your application: { $link }
mail-program-interview-subject = { $program }: let's talk
mail-program-interview-body =
    Hello { $name },

    Your application to { $program } passed screening. Program staff will propose times for an interview.

    { $link }
mail-program-interview-proposed-subject = { $program }: pick a time for your interview
mail-program-interview-proposed-body =
    Hello { $name },

    Times were proposed for your { $program } interview. Pick the one that suits you:

    { $link }
mail-program-interview-scheduled-subject = Your { $program } interview: { $when }
mail-program-interview-scheduled-body =
    Hello { $name },

    Your { $program } interview is on { $when }. Add it to your calendar:

    { $invite }

    Your application: { $link }
mail-program-not-selected-subject = Your application to { $program }
mail-program-not-selected-body =
    Hello { $name },

    Thank you for applying to { $program }. This time your application was not selected, because these criteria are not met yet:

    { $criteria }

    You are welcome to apply again once they are. { $link }
mail-program-accepted-subject = Welcome to { $program }!
mail-program-accepted-body =
    Hello { $name },

    Welcome to the { $program } program! Your membership starts today.

    { $link }
mail-program-declined-subject = Your application to { $program }
mail-program-declined-body =
    Hello { $name },

    Thank you for applying to { $program }. We are not accepting your application this time, for this reason:

    { $reason }

    { $link }
field-self_reported_only = Members record their own contributions as self-reported; program staff verify them.
field-derived_is_computed = Contributions from this platform's events are counted by themselves.
error-already_member = This member already holds this program.
error-program_full = The program is full: all { $cap } seats are taken. End a membership first, or raise the seat cap on the programs page.
error-nda_required = The NDA must be signed on or before the start date. Record the date it was signed on the application first.
error-champion_and_mvp_exclusive = Nobody is Champion and MVP at the same time: transfer instead.
error-last_admin = This is the last admin. Make someone else an admin first, so that someone can still grant roles.
field-role_not_grantable = Group leaders are named on their group's page or appointed from a leader application.
field-transfer_before_start = This member's current title began today, and a transfer ends it the day before the new one starts: accept again from tomorrow.
field-benefit_already_claimed = You already claimed this benefit this year.
field-no_codes_left = No codes are left for this benefit.
field-not_an_active_member = Benefits are for active program members.
field-focus_area_invalid = Choose one of the focus areas.
field-program_invalid = Choose champions, mvp or ambassadors.
field-kind_invalid = Choose a kind of contribution.
field-rating_invalid = Give a rating from 0.0 to 5.0.
field-format_invalid = Choose a content format.
field-source_invalid = Choose derived, imported or self-reported.
field-verification_invalid = Choose unverified, verified or rejected.
field-stage_invalid = Unknown stage.
field-word_invalid = Use short words separated by commas.
field-date_invalid = Enter a date as YYYY-MM-DD.
program-champions = Champions
program-mvp = MVP
program-ambassadors = Ambassadors
area-forums = Forums
area-forge = Forge
area-organizing_events = Organizing events
area-speaking = Speaking at events
area-technical_content = Technical content
area-mentoring = Mentoring
stage-draft = draft
stage-submitted = submitted
stage-screening = screening
stage-not_selected = not selected
stage-interview = interview
stage-interviewed = interviewed
stage-accepted = accepted
stage-declined = declined
contribution-forum_solution = Forum solution
contribution-forge_component = Forge component
contribution-event_organized = Event organized
contribution-session_delivered = Session delivered
contribution-content_piece = Content piece
contribution-mentoring_testimonial = Mentoring testimonial
directory-title = Champions and MVPs
directory-lead = Community members recognised for what they give: answers, components, events, talks, writing and mentoring.
directory-empty = Nobody is listed yet.
directory-opt-in = List me in the public directory
directory-quote = A few words about the program (optional)
programs-title = My programs
programs-memberships = Memberships
programs-no-memberships = You do not hold a program title yet.
programs-eligibility = Where you stand
programs-eligibility-hint = Counted from your contributions, including events you held and sessions you gave here.
programs-applications = Applications
programs-submit = Submit
programs-apply = Apply to a program
programs-program = Program
programs-focus-area = Focus area (Champions)
programs-interests = Other interests
programs-interests-hint = Focus areas separated by commas, e.g. forge, mentoring
programs-apply-button = Send the application
programs-contributions = My contributions
programs-add-contribution = Add a contribution
programs-kind = Kind
programs-date = Date
programs-link = Link (evidence)
programs-format = Format (content pieces)
programs-rating = Rating (Forge components, 0.0–5.0)
programs-version = Platform version (Forge components)
programs-source = Source
programs-add = Add
pipeline-title = Applications pipeline
pipeline-chart-label = Applications per stage
pipeline-notes = Reviewer's notes
pipeline-screen = Screen
pipeline-interview-notes = Interests, motivations, expectations
pipeline-interviewed = Interviewed
pipeline-accept = Accept
nav-programs = Programs
error-import_rejected = The file was not imported: fix the rows listed and send it again.
field-csv_row_malformed = This row could not be read (wrong number of columns or quoting).
field-csv_header_missing = The file needs a header row naming its columns.
mail-program-renewed-subject = Your title is renewed for another year
mail-program-renewed-body =
    Hello { $name },

    Thank you for another year of contributions: your program title is renewed. { $reason }

    { $link }
mail-program-ended-subject = Your program title
mail-program-ended-body =
    Hello { $name },

    After this year's renewal your program title ends, for this reason:

    { $reason }

    Thank you for everything you gave the community. You are welcome to apply again. { $link }
field-feed_malformed = This is not an RSS or Atom feed we can read.
application-updated = updated
application-screening = Screening
application-no-times = Program staff will propose interview times here.
field-forum_username_invalid = Enter your forum user name (letters, digits, dots, dashes and underscores).
field-forum_not_configured = No forum is set up for imports yet; an admin sets its address in the settings.
import-title = Importing from the forum
import-status-running = Reading the forum…
import-status-done = Done.
import-status-failed = Stopped.
import-fetched = Accepted answers read
import-added = Added
import-already = Already imported
import-back = Back to my programs
import-recent = Recent imports
application-evidence = Evidence
application-no-evidence = Nothing counts for this focus area yet.
application-rubric = Judge each piece against the area's rubric:
rubric-researched = Researched the situation
rubric-tested = Tested the problem
rubric-added_resources = Added resources
rubric-description = A detailed description
rubric-screenshots = Screenshots
rubric-documentation = Documentation
rubric-supported_version = A supported platform version
rubric-rating = Rated at least the minimum
rubric-details = Detail
rubric-examples = Examples
rubric-expertise = Expertise
rubric-for_this_community = For this community
rubric-evidence = Evidence of the event
rubric-technical = A technical session
rubric-slides_or_recording = Slides or a recording
rubric-mentee_testimonial_or_plan = A mentee's testimonial or an onboarding plan
renewals-title = Yearly renewals
renewals-lead = Every Champion's activity in their focus area over the past year is measured against the criteria; MVPs against their yearly metric. The active are renewed and told; for the others you keep or end the title with a reason.
renewals-year = Year
renewals-start = Start or resume the renewal
renewals-none = No renewal has run yet.
renewals-decided = members decided
renewals-keep = Keep the title
renewals-end = End the title
renewals-end-confirm = { $name }'s { $program } title ends at once, and they are emailed your reason. It cannot be undone here: to hold the title again they apply again.
renewals-end-yes = End the title and email them
renewal-outcome-renewed = renewed
renewal-outcome-to_evaluate = to evaluate
renewal-outcome-kept = kept
renewal-outcome-ended = ended
pipeline-renewals = Yearly renewals
application-nda = Non-disclosure agreement
application-nda-signed = Signed on
application-nda-missing = Not recorded yet. The MVP award starts only once the NDA is signed: record the day here before accepting.
application-nda-date = Day the NDA was signed
application-nda-record = Record the NDA date
field-nda_not_needed = This program has no NDA to sign.
field-date_in_future = The day cannot be in the future.
mail-contribution-rejected-subject = Not counted: { $title }
mail-contribution-rejected-body =
    Hello { $name },

    Program staff looked at "{ $title }" and did not count it, for this reason:

    { $reason }

    If you reported it yourself, you can correct it (it will be looked at again) or delete it on your programs page:

    { $link }
verification-unverified = Waiting for verification
verification-verified = Verified
verification-rejected = Not counted
source-derived = From this site
source-imported = Imported
source-self_reported = Self-reported
evidence-reason = Reason (needed to reject; the member reads it)
evidence-verify = Verify
evidence-reject = Reject
contribution-edit = Correct a contribution
contribution-edit-help = Change what you reported. It will wait for program staff to verify it again.
contribution-edit-link = Correct
contribution-delete = Delete…
contribution-delete-confirm = Delete this contribution for good? It stops counting at once.
contribution-delete-yes = Yes, delete it
contribution-actions = Actions
contribution-saved = Saved. Program staff will verify it again.
contribution-deleted = Deleted.
field-rejection_reason_required = Say why it does not count: the member reads the reason and can correct it.
benefits-title = Benefits
benefits-yours = Your benefits
benefits-none = No benefit is open to you right now. Benefits are for active members of a program.
benefits-your-code = your code
benefits-claim = Claim a code
benefits-none-left = No codes left for now
benefits-claimed = Your code is below. It is yours only; keep it safe.
benefits-pools = Pools of codes
benefits-no-pools = No pool yet.
benefits-for = For
benefits-any-program = Members of any program
benefits-validity = Valid
benefits-valid-until = until { $day }
benefits-no-end = no end date
benefits-codes = Codes
benefits-left = { $left } of { $total } left
benefits-add-codes = Add codes
benefits-add-button = Add
benefits-new = New pool
benefits-last-day = Last day to claim
benefits-last-day-hint = Leave empty for no end date.
benefits-codes-paste = Codes, one per line (or separated by commas)
benefits-create = Create the pool
benefits-created = Pool created.
benefits-codes-added = { $added } new codes added (any already in the pool were skipped).
programs-benefits-link = Your benefits
field-benefit_expired = This benefit can no longer be claimed: its last day has passed.
field-date_in_past = The day cannot be in the past.
stage-withdrawn = withdrawn
application-withdraw = Withdraw my application…
application-withdraw-confirm = Withdraw this application? It stops here; you can apply again to this program later.
application-withdraw-yes = Yes, withdraw it
application-withdrawn = You withdrew this application. You can apply to this program again from your programs page.
application-done-nda = NDA date recorded. The award can start once the application is accepted.
application-done-verified = Verified: it counts now.
application-done-rejected = Rejected: the member was emailed the reason.
field-transfer_criteria_unmet = The member does not meet this program's criteria yet, so the title cannot be transferred. Check their eligibility, or let them apply and be screened.
application-edit = Change the draft
application-done-edited = Your draft was saved. Submit it when it is ready.
benefits-codes-file = Or a file of codes (text or CSV)
field-codes_file_invalid = The file must be plain text or CSV (UTF-8), one code per line or separated by commas, at most 1 MiB.
benefits-upload-button = Upload
field-program_unknown = Name programs by their names: champions, mvp or ambassadors.
field-program_excludes_itself = A program cannot exclude its own members: untick this program here.
error-account_not_linked = Link this account first and show it is yours: on your programs page, Guildhall gives you a code to place in your forum profile or feed, and imports once it finds it there.
error-account_linked_elsewhere = Another member has already linked and proven this account. If it is yours, write to the program staff.
error-proof_not_found = The code is not there yet. Paste it into the "About me" of your forum profile (or into a post of your feed), save, and check again.
field-account_kind_invalid = Choose a forum account or a feed.
field-feed_url_invalid = Enter the feed's full web address, starting with https://, without a user name or password.
field-forum_user_unknown = The forum has no user with this name.
field-account_unreachable = The account could not be read just now. Check the address, then try again in a moment.
field-feed_private_address = This address points into a private network, which Guildhall does not read. Link the feed's public address.
field-feed_moved = The feed has moved to another address. Link its new address instead.
field-feed_too_large = The feed is larger than 2 MB. Link a feed of your latest posts.
links-title = Accounts you import from
links-hint = Import only from accounts that are yours. Link a forum account or your blog's feed, place the code Guildhall gives you in your forum profile's "About me" or in a post of your feed, and press Check. Once the code is found you can import, and remove the code again.
links-none = No linked accounts yet.
links-added = The account is linked. Place the code shown below, then press Check.
links-proven = The account is proven yours. You can import from it now.
links-removed = The account is unlinked. What was imported from it stays.
link-kind-discourse = Forum account
link-kind-discourse-on = Forum account on { $forum }
link-kind-feed = Blog feed (RSS or Atom)
link-where-discourse = Place this code in the "About me" of your forum profile, save, then press Check:
link-where-feed = Place this code in a post (or the description) of your feed, publish, then press Check:
link-waiting = Waiting for the code
link-proven-code = Proven by its code
link-proven-staff = Confirmed by program staff
links-check = Check for the code
links-import-discourse = Import my accepted answers
links-import-feed = Import my posts
links-remove = Unlink
links-remove-confirm = Unlink this account? Contributions imported from it stay; to import again you link and prove it again.
links-remove-yes = Yes, unlink it
links-add = Link an account
links-kind = Kind
links-handle = Forum user name or feed address
links-handle-hint = For example ana_silva, or https://ana.example.org/feed.xml
links-add-button = Link
links-staff-title = Linked accounts
links-staff-none = The applicant has linked no forum account or feed.
links-staff-hint = Confirm a link only when you checked another way that the account is the applicant's (for example, the forum's moderators vouch for it).
links-confirm = Confirm it is theirs
application-done-account = The link is confirmed; the applicant can import from it now.
feed-not-imported = The feed was not imported:
feed-entry-problem = entry { $entry }: { $problem }
feed-imported = Your feed was read: { $added } new posts added. Posts imported before were not added again.
directory-any = Any
directory-country = Country
directory-filter = Show
directory-clear = Show everyone
directory-none-match = Nobody listed matches this choice.
pager-label = Pages of this list
pager-first = First page
directory-next = Next page
pipeline-stage = Stage
pipeline-none = No applications match this choice.
pipeline-older = Older applications
judgment-none = Not judged yet
judgment-meets = Meets the rubric
judgment-partly = Meets { $met } of { $of } points
judgment-legend = Points of the rubric it meets
judgment-save = Save the judgment
judgment-summary = { $good } pieces meet every point of the rubric ({ $judged } judged).
judgment-screen-hint = Judge each piece above first: screening accepts the quality when as many pieces meet every point of the rubric as the criteria need.
application-done-judged = The judgment is saved.
pipeline-judge = Judge the evidence and screen
rubric-quality = Meets the program's quality bar
field-rubric_point_unknown = Choose points of this application's rubric.
field-evidence_unknown = This piece is not part of the application's evidence.

# CH-6 interviewers: staff name a community manager to interview
interviewer-label = Interviewer
interviewer-staff = Program staff (no one named)
interviewer-hint = The community manager you name may read this application, propose interview times and record the interview. The decision stays with program staff.
interviewer-save = Save the interviewer
interviewer-named = Your interviewer:
application-done-interviewer = The interviewer was saved.
interviews-title = Interviews you hold
interviews-none = Program staff have not asked you to interview anyone.
field-interviewer_not_manager = Name a community manager: they interview applicants.
field-interviewer_unknown = Choose someone from the list.
mail-program-interviewer-named-subject = Please interview { $applicant } for { $program }
mail-program-interviewer-named-body =
    Hello { $name },

    Program staff asked you to interview { $applicant }, who applied to { $program }. Propose one to three times on the application; { $applicant } picks one and you will hear which.

    { $link }
mail-program-interview-booked-subject = Interview with { $applicant }: { $when }
mail-program-interview-booked-body =
    Hello { $name },

    { $applicant } picked { $when } for their { $program } interview. Add it to your calendar:

    { $invite }

    The application: { $link }
field-feed_host_unknown = No server answers to that address. Check its spelling, or open it in your browser to see that it works.
links-already = This account was already linked: its code is below.
links-hint-feed = Import only from a feed that is yours. Link your blog's feed, place the code Guildhall gives you in a post or the description of the feed, and press Check. Once the code is found you can import, and remove the code again.
links-handle-feed = Feed address
links-handle-feed-hint = For example https://ana.example.org/feed.xml
interviewer-you = Program staff asked you to interview this applicant: propose times, then record the interview. The decision stays with program staff.
interviewer-waiting = Program staff are still screening this application. Once it passes, you can propose interview times here.
application-done-interviewer_cleared = No interviewer is named any more: program staff interview.
application-done-times = The times were sent to the applicant, who is asked to pick one.
application-done-interviewed = The interview is recorded. Program staff decide next.
