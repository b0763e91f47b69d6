# UG-15: followers and announcements.
follow-button = Follow
follow-hint = Its new events are emailed to you.
follow-following = Following
follow-stop = Stop following
follow-signin = Sign in to follow
follow-count = { $count ->
    [0] No followers yet
    [one] One follower
   *[other] { $count } followers
}
follow-done = You follow this group: its new events will be emailed to you when they are published.
follow-done-named = You follow { $group }: its new events will be emailed to you when they are published.
unfollow-done-here = You no longer follow this group. Its events stay on this page.
unfollow-title = Stop following
unfollow-ask = Stop receiving an email when { $group } publishes a new event?
unfollow-yes = Stop following
unfollow-done = Done: you no longer follow { $group }.
unfollow-again = Changed your mind? Follow it again from its page:
follows-title = Groups you follow
follows-hint = When one of these groups publishes an event, you get an email with its calendar file.
follows-none = You do not follow any group yet.
home-followed = From groups you follow
home-followed-none = Follow a group to see its next events here.
field-audience_unknown = Choose whom to write to from the list.
field-nobody_to_announce = Nobody is in this audience yet, or everyone in it turned announcements off: choose another.
error-audience_changed = The audience changed since you looked: it is now { $now } people. Check the new count and send again.
announce-title = Announcements
announce-lead = Write to the leaders of a region's groups or to a program's members. You see how many it reaches, and the message as it will read, before it goes.
announce-hub-hint = Write to a region's leaders or a program's members.
announce-write = Write an announcement
announce-write-leaders = Write to this region's leaders
announce-audience = To
announce-to-region-leaders = Leaders of the groups in { $region }
announce-to-program-members = Members of { $program }
announce-preview = Check before sending
announce-preview-hint = Nothing is sent yet: the next page shows how many people it reaches.
announce-check-title = Check your announcement
announce-reach = { $count ->
    [0] It reaches nobody
    [one] It will be emailed to one person
   *[other] It will be emailed to { $count } people
}
announce-opted-out = { $count ->
    [one] One more person turned announcements off and will not get it.
   *[other] { $count } more people turned announcements off and will not get it.
}
announce-send = { $count ->
    [one] Send to one person
   *[other] Send to { $count } people
}
announce-change = Change it
announce-sent = { $count ->
    [one] Sent: it is on its way to one person.
   *[other] Sent: it is on its way to { $count } people.
}
announce-history = Sent before
announce-history-none = Nothing sent yet.
announce-reached = { $count ->
    [one] 1 person
   *[other] { $count } people
}
mail-new-event-subject = New from { $group }: { $event }, { $when }
mail-new-event-body =
    Hello { $name },

    { $group } has published a new event:

    { $event }
    { $when }
    { $place }

    See it and register: { $link }
    The calendar file is attached.

    You get this because you follow { $group }. Stop following it with one click: { $unfollow }
mail-community-announcement-subject = { $subject }
mail-community-announcement-body =
    Hello { $name },

    { $sender } writes for the community team:

    { $message }

    You can turn announcements off on your account's Emails page.
