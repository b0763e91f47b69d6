//! The admin's settings page: the numbers and lists behind the rules,
//! grouped by area, each with a human label, its unit, help in the reader's
//! language, a search box and a "saved" notice (PL-13). Rule ids and raw
//! keys stay in the API.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use guildhall_domain::access::{authorize, Action};
use guildhall_domain::program::Program;
use guildhall_domain::settings::{definition, SettingDef, SettingKind, SettingValue, Settings};
use guildhall_domain::values::{fold, SearchQuery};
use serde::Deserialize;

use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::AppResult;
use crate::i18n::Tr;
use crate::services::settings as settings_service;
use crate::web::ctx::PageCtx;

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/settings", get(settings_page).post(change_setting))
}

/// One setting as the page shows it.
struct Row {
    def: &'static SettingDef,
    stem: String,
    label: String,
    help: String,
    unit: String,
    /// What the field holds: the saved value, or what was typed when a
    /// change was refused.
    value: String,
    /// For a list of programs: each program, its name, and whether ticked.
    programs: Vec<(&'static str, String, bool)>,
    /// The folded text a search matches against.
    search_key: String,
    /// The reason typed with a refused change, kept for the next try.
    reason: String,
    /// "Saved: … is now …", on the row just saved.
    saved: Option<String>,
    errors: Vec<String>,
}

impl Row {
    fn is_list(&self) -> bool {
        self.def.kind.is_list() && !self.is_programs()
    }

    fn is_programs(&self) -> bool {
        matches!(self.def.kind, SettingKind::ProgramList)
    }

    fn is_switch(&self) -> bool {
        self.def.is_switch()
    }

    fn is_number(&self) -> bool {
        self.def.kind.is_number() && !self.def.is_switch()
    }

    fn range(&self) -> Option<(i64, i64)> {
        match self.def.kind {
            SettingKind::Int { min, max } => Some((min, max)),
            _ => None,
        }
    }
}

struct Area {
    key: &'static str,
    title: String,
    rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "admin_settings.html")]
struct SettingsPage {
    ctx: PageCtx,
    areas: Vec<Area>,
    q: String,
    errors: FormErrors,
}

impl SettingsPage {
    fn range_text(&self, row: &Row) -> String {
        row.range()
            .map(|(min, max)| {
                self.ctx.tr.with("settings-range", &[("min", &min.to_string()), ("max", &max.to_string())])
            })
            .unwrap_or_default()
    }
}

#[derive(Deserialize, Default)]
struct SettingsQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    saved: String,
}

/// What was typed into one setting's form that was refused.
struct Refused<'a> {
    key: &'a str,
    value: &'a str,
    reason: &'a str,
}

fn human_value(tr: &Tr, def: &SettingDef, value: &SettingValue) -> String {
    match value {
        SettingValue::Int(n) if def.is_switch() => tr.t(if *n == 1 { "settings-yes" } else { "settings-no" }),
        SettingValue::Int(n) => match def.unit() {
            Some(u) => format!("{n} {}", tr.t(u.label_key())),
            None => n.to_string(),
        },
        SettingValue::Hosts(items) if items.is_empty() => tr.t("settings-not-set"),
        SettingValue::Hosts(items) if matches!(def.kind, SettingKind::ProgramList) => items
            .iter()
            .map(|p| Program::parse(p).map(|p| tr.t(&format!("program-{}", p.as_str()))).unwrap_or_default())
            .collect::<Vec<_>>()
            .join(", "),
        SettingValue::Hosts(items) if matches!(def.kind, SettingKind::HoursList { .. }) => {
            format!("{} {}", items.join(", "), tr.t("setting-unit-hours"))
        }
        SettingValue::Hosts(items) => items.join(", "),
        SettingValue::Text(t) if t.is_empty() => tr.t("settings-not-set"),
        SettingValue::Text(t) => t.clone(),
    }
}

fn rows(tr: &Tr, settings: &Settings, saved: &str, refused: Option<&Refused>, errors: &FormErrors) -> Vec<Area> {
    let mut areas: Vec<Area> = Vec::new();
    for (def, value) in settings.iter() {
        let stem = def.stem();
        let label = tr.t(&format!("setting-{stem}"));
        let help = tr.t(&format!("setting-{stem}-help"));
        let area_title = tr.t(&format!("settings-area-{}", def.area()));
        let refused_here = refused.filter(|r| r.key == def.key);
        let shown = refused_here.map_or_else(|| value.to_text(), |r| r.value.to_owned());
        let ticked: Vec<String> = shown.split(['\n', ',']).map(|p| p.trim().to_lowercase()).collect();
        let programs = match def.kind {
            SettingKind::ProgramList => Program::ALL
                .iter()
                .map(|p| (p.as_str(), tr.t(&format!("program-{}", p.as_str())), ticked.iter().any(|t| t == p.as_str())))
                .collect(),
            _ => Vec::new(),
        };
        let errors = match refused_here {
            Some(_) => ["value", "reason"].iter().filter_map(|f| errors.get(f)).collect(),
            None => Vec::new(),
        };
        let row = Row {
            def,
            unit: def.unit().map(|u| tr.t(u.label_key())).unwrap_or_default(),
            value: shown,
            programs,
            search_key: fold(&format!("{label} {help} {area_title} {}", def.key)),
            // Named with its area: "Seat cap" alone could be any program's.
            saved: (saved == def.key).then(|| {
                let setting = format!("{label} ({area_title})");
                tr.with("settings-saved", &[("setting", &setting), ("value", &human_value(tr, def, value))])
            }),
            errors,
            reason: refused_here.map(|r| r.reason.to_owned()).unwrap_or_default(),
            stem,
            label,
            help,
        };
        match areas.iter_mut().find(|a| a.key == def.area()) {
            Some(area) => area.rows.push(row),
            None => areas.push(Area { key: def.area(), title: area_title, rows: vec![row] }),
        }
    }
    areas
}

async fn show(
    state: &AppState,
    ctx: PageCtx,
    query: SettingsQuery,
    refused: Option<Refused<'_>>,
    errors: FormErrors,
) -> AppResult<Response> {
    let settings = state.services.settings().await?;
    let search = SearchQuery::parse(&query.q);
    let mut areas = rows(&ctx.tr, &settings, &query.saved, refused.as_ref(), &errors);
    // Without the script, the Find button filters here; with it, as one types.
    for area in &mut areas {
        area.rows.retain(|r| search.matches(&r.search_key));
    }
    areas.retain(|a| !a.rows.is_empty());
    let page = SettingsPage { ctx, areas, q: query.q, errors };
    let html = page.render()?;
    Ok(page.errors.respond(html))
}

async fn settings_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Query(query): Query<SettingsQuery>,
) -> AppResult<Response> {
    authorize(&ctx.require()?.actor, Action::ManageSettings)?;
    let errors = FormErrors::none(ctx.tr);
    show(&state, ctx, query, None, errors).await
}

/// The form's fields as pairs: a list of programs arrives as one `value`
/// per ticked box.
async fn change_setting(
    State(state): State<AppState>,
    ctx: PageCtx,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    authorize(&actor, Action::ManageSettings)?;
    let one = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("");
    let (key, reason) = (one("key"), one("reason"));
    let value = fields.iter().filter(|(k, _)| k == "value").map(|(_, v)| v.as_str()).collect::<Vec<_>>().join("\n");
    match settings_service::change(&state.services, &actor, key, &value, reason).await {
        Ok(()) => {
            let stem = definition(key).map(|d| d.stem()).unwrap_or_default();
            let saved = crate::web::errors::urlencode(key);
            Ok(Redirect::to(&format!("/admin/settings?saved={saved}#s-{stem}")).into_response())
        }
        Err(e) => {
            // The refused row says what is wrong beside its field; anything
            // else (an unknown setting) is said at the top.
            let errors = FormErrors::from_error(ctx.tr, e)?.shown_on(&["value", "reason"]);
            let refused = Refused { key, value: &value, reason };
            show(&state, ctx, SettingsQuery::default(), Some(refused), errors).await
        }
    }
}
