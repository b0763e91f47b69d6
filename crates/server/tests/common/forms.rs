//! Forms read the way a browser submits them, for "save again and nothing
//! changes" tests (issue 17 item 3): every named field with the value it
//! shows, ticked boxes only, the selected option.

use scraper::{ElementRef, Html, Selector};

/// The fields each form matching `css` on the page would send if its
/// button were pressed without touching anything.
pub fn as_shown(html: &str, css: &str) -> Vec<Vec<(String, String)>> {
    let doc = Html::parse_document(html);
    let forms = Selector::parse(css).unwrap();
    doc.select(&forms).map(fields).collect()
}

fn fields(form: ElementRef) -> Vec<(String, String)> {
    let any = Selector::parse("input, textarea, select").unwrap();
    let option = Selector::parse("option").unwrap();
    let mut out = Vec::new();
    for el in form.select(&any) {
        let e = el.value();
        let Some(name) = e.attr("name") else { continue };
        if e.attr("disabled").is_some() {
            continue;
        }
        match e.name() {
            "textarea" => {
                // As in a browser, a newline right after <textarea> is not in its value.
                out.push((name.to_owned(), el.text().collect()));
            }
            "select" => {
                let options: Vec<ElementRef> = el.select(&option).collect();
                let chosen = options.iter().find(|o| o.value().attr("selected").is_some()).or(options.first());
                if let Some(o) = chosen {
                    let value = o.value().attr("value").map(str::to_owned).unwrap_or_else(|| o.text().collect());
                    out.push((name.to_owned(), value));
                }
            }
            _ => {
                let kind = e.attr("type").unwrap_or("text");
                if matches!(kind, "submit" | "button" | "reset" | "image" | "file") {
                    continue;
                }
                if matches!(kind, "checkbox" | "radio") && e.attr("checked").is_none() {
                    continue;
                }
                let default = if matches!(kind, "checkbox" | "radio") { "on" } else { "" };
                out.push((name.to_owned(), e.attr("value").unwrap_or(default).to_owned()));
            }
        }
    }
    out
}

/// The value of the field `name` in a form as shown.
pub fn value<'a>(form: &'a [(String, String)], name: &str) -> Option<&'a str> {
    form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}
