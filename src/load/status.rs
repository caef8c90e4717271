//! Reading `status/<date>.yaml`.

use super::meeting::{date, meeting_number};
use super::schema::{Ctx, Fields};
use crate::model::{At, Light, Phase, StatusReport, Timeline, TimelineRow};
use crate::yaml::Node;

const KEYS: &[&str] = &[
    "date",
    "meeting",
    "title",
    "overall",
    "phases",
    "timeline",
    "key_risks",
    "dependencies",
    "focus",
    "communication",
    "involvement",
    "value",
    "projects",
];

pub fn status(ctx: &mut Ctx, node: &Node) -> Option<StatusReport> {
    let mut f = Fields::new(ctx, node, "status report")?;
    let report_date = f.require(ctx, "date").and_then(|n| date(ctx, n));
    let meeting = f.get("meeting").and_then(|n| meeting_number(ctx, n));
    let title = f
        .get("title")
        .and_then(|n| ctx.text(n, "title"))
        .unwrap_or_default();
    let phases = match f.get("phases") {
        Some(n) => ctx
            .seq(n, "phases")
            .iter()
            .filter_map(|p| phase(ctx, p))
            .collect(),
        None => Vec::new(),
    };
    let timeline = f.get("timeline").and_then(|n| timeline(ctx, n));
    let key_risks = match f.get("key_risks") {
        Some(n) => ctx
            .seq(n, "key_risks")
            .iter()
            .filter_map(|r| {
                let id = ctx.int(r, "a risk id", 1..=1_000_000)?;
                Some(At {
                    value: id as u32,
                    at: ctx.at(r),
                })
            })
            .collect(),
        None => Vec::new(),
    };
    let mut section = |f: &mut Fields, key: &str| f.get(key).and_then(|n| ctx.text(n, key));
    let overall = section(&mut f, "overall");
    let dependencies = section(&mut f, "dependencies");
    let focus = section(&mut f, "focus");
    let communication = section(&mut f, "communication");
    let involvement = section(&mut f, "involvement");
    let value = section(&mut f, "value");
    let projects = section(&mut f, "projects");
    f.finish(ctx, KEYS);
    Some(StatusReport {
        date: report_date?,
        meeting,
        title,
        overall,
        phases,
        timeline,
        key_risks,
        dependencies,
        focus,
        communication,
        involvement,
        value,
        projects,
        file: ctx.file.clone(),
    })
}

fn light(ctx: &mut Ctx, f: &mut Fields, key: &str) -> Option<Light> {
    let n = f.require(ctx, key)?;
    ctx.word(n)
}

fn phase(ctx: &mut Ctx, node: &Node) -> Option<Phase> {
    let mut f = Fields::new(ctx, node, "phase")?;
    let name = f.require(ctx, "phase").and_then(|n| ctx.text(n, "phase"));
    let progress = light(ctx, &mut f, "progress");
    let economy = light(ctx, &mut f, "economy");
    let quality = light(ctx, &mut f, "quality");
    let risk = light(ctx, &mut f, "risk");
    let comment = f.get("comment").and_then(|n| ctx.text(n, "comment"));
    f.finish(
        ctx,
        &["phase", "progress", "economy", "quality", "risk", "comment"],
    );
    Some(Phase {
        phase: name?,
        progress: progress?,
        economy: economy?,
        quality: quality?,
        risk: risk?,
        comment,
    })
}

fn timeline(ctx: &mut Ctx, node: &Node) -> Option<Timeline> {
    let mut f = Fields::new(ctx, node, "timeline")?;
    let from = f
        .require(ctx, "from")
        .and_then(|n| ctx.int(n, "the first year", 1900..=2999));
    let to = f
        .require(ctx, "to")
        .and_then(|n| ctx.int(n, "the last year", 1900..=2999));
    let projects = match f.get("projects") {
        Some(n) => ctx
            .seq(n, "projects")
            .iter()
            .filter_map(|p| {
                let mut g = Fields::new(ctx, p, "timeline row")?;
                let name = g.require(ctx, "name").and_then(|n| ctx.text(n, "name"));
                let from = g.require(ctx, "from").and_then(|n| date(ctx, n));
                let to = g.require(ctx, "to").and_then(|n| date(ctx, n));
                g.finish(ctx, &["name", "from", "to"]);
                Some(TimelineRow {
                    name: name?,
                    from: from?.value,
                    to: to?.value,
                })
            })
            .collect(),
        None => Vec::new(),
    };
    f.finish(ctx, &["from", "to", "projects"]);
    Some(Timeline {
        from: from? as u16,
        to: to? as u16,
        projects,
    })
}
