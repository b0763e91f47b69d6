// Reads an iCalendar file on stdin with ical.js and prints what the tests
// compare (UG-17): the method, and each event's UID, SEQUENCE, STATUS,
// summary, start and end as UTC instants, LAST-MODIFIED and attendees.
import ICAL from "ical.js";

const text = await new Promise((done) => {
  let data = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => (data += chunk));
  process.stdin.on("end", () => done(data));
});
const cal = new ICAL.Component(ICAL.parse(text));
// Zones defined in the file, so local times convert to the right instant.
for (const zone of cal.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));
}
const utc = (t) => (t ? t.toJSDate().toISOString().replace(".000Z", "Z") : null);
const events = cal.getAllSubcomponents("vevent").map((v) => {
  const e = new ICAL.Event(v);
  return {
    uid: e.uid,
    sequence: e.sequence ?? 0,
    status: v.getFirstPropertyValue("status"),
    summary: e.summary,
    start: utc(e.startDate),
    end: utc(e.endDate),
    last_modified: utc(v.getFirstPropertyValue("last-modified")),
    attendees: v.getAllProperties("attendee").map((a) => ({
      email: String(a.getFirstValue()).replace(/^mailto:/i, ""),
      partstat: a.getParameter("partstat") ?? null,
    })),
  };
});
console.log(JSON.stringify({ method: cal.getFirstPropertyValue("method"), name: cal.getFirstPropertyValue("x-wr-calname") ?? cal.getFirstPropertyValue("name"), events }));
