//! `route FROM TO`: the cheapest way from a level (or a person) to another, by the moves `moves`
//! lists. On the career map the routes are worked out by hand; on generated frameworks every route
//! is held to a brute force over the move lists that `moves` itself prints; on the official export
//! (from ../shared) the best route is held to the route up one's own ladder and across at the top.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::common::{cmd, example_path, json, path, refused, stdout};

fn on_map(args: &[&str]) -> Vec<String> {
    let mut all = vec!["--data".to_string(), example_path("career-map")];
    all.extend(args.iter().map(|a| a.to_string()));
    all
}

fn run_json(args: &[&str]) -> Value {
    let all = on_map(args);
    json(&all.iter().map(String::as_str).collect::<Vec<_>>())
}

/// Each route as `ROLE/LEVEL` of every level it moves to, with its total.
fn routes_of(v: &Value) -> Vec<(Vec<String>, i64)> {
    v["routes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let to =
                |s: &Value| format!("{}/{}", s["to"]["role"]["id"].as_str().unwrap(), s["to"]["id"].as_str().unwrap());
            (r["steps"].as_array().unwrap().iter().map(to).collect(), r["total"].as_i64().unwrap())
        })
        .collect()
}

fn route(levels: &[&str], total: i64) -> (Vec<String>, i64) {
    (levels.iter().map(|l| l.to_string()).collect(), total)
}

#[test]
fn route_on_the_career_map_goes_across_then_up() {
    // Analyst to Senior Designer: across to Designer (design new at +2), then up (research +1,
    // design +1, coaching new at +1): 5 steps. Up to Lead Analyst first (3) and across (4): 7.
    let v = run_json(&["route", "analyst/analyst", "designer/senior"]);
    let routes = routes_of(&v);
    assert_eq!(routes[0], route(&["designer/designer", "designer/senior"], 5));
    assert_eq!(routes[1], route(&["analyst/lead-analyst", "designer/senior"], 7));
    assert_eq!(
        (v["from"]["id"].as_str(), v["to"]["id"].as_str(), v["max_steps"].as_u64()),
        (Some("analyst"), Some("senior"), Some(6))
    );
    assert!(v["person"].is_null() && v["via"].is_null());
    let first = &v["routes"][0]["steps"][0];
    assert_eq!((first["kind"].as_str(), first["total"].as_i64()), (Some("across"), Some(2)));
    assert_eq!(first["new"][0]["skill"]["id"], "design");
    assert_eq!((first["new"][0]["to"]["id"].as_str(), first["new"][0]["steps"].as_i64()), (Some("working"), Some(2)));
    let up = &v["routes"][0]["steps"][1];
    assert_eq!(up["kind"], "up");
    let grow: Vec<(&str, &str, &str, i64)> = up["grow"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let s = |k: &str, f: &str| g[k][f].as_str().unwrap();
            (s("skill", "id"), s("from", "id"), s("to", "id"), g["steps"].as_i64().unwrap())
        })
        .collect();
    assert_eq!(grow, [("research", "working", "practitioner", 1), ("design", "working", "practitioner", 1)]);
    assert_eq!(up["new"][0]["skill"]["id"], "coaching");
    assert_eq!(v["routes"][0]["moves"], 2);
    // Alternatives differ in their first move.
    let firsts: Vec<&String> = routes.iter().map(|(levels, _)| &levels[0]).collect();
    assert_eq!(firsts.len(), firsts.iter().collect::<std::collections::BTreeSet<_>>().len(), "{routes:?}");
    // The table names each move, what grows at it and the totals; the command runs the first move.
    let table =
        stdout(&on_map(&["route", "analyst", "designer/senior"]).iter().map(String::as_str).collect::<Vec<_>>());
    let words = table.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(table.starts_with("Routes from Analyst (Analyst) to Senior Designer (Designer)"), "{table}");
    assert!(words.contains("Best route: 2 moves, 5 steps to grow"), "{table}");
    assert!(words.contains("Design +2 new"), "{table}");
    assert!(
        words.contains(
            "Best route: across to Designer (Designer), then up to Senior Designer (Designer); 2 moves, 5 steps to grow"
        ),
        "{table}"
    );
    assert!(words.contains("diff analyst/analyst designer/designer"), "{table}");
}

#[test]
fn route_via_and_max_steps_narrow_the_routes() {
    // Through the own ladder: up to Lead Analyst first.
    let v = run_json(&["route", "analyst/analyst", "designer/senior", "--via", "analyst"]);
    assert_eq!(routes_of(&v)[0], route(&["analyst/lead-analyst", "designer/senior"], 7));
    assert_eq!(v["via"]["id"], "analyst");
    assert!(routes_of(&v).iter().all(|(levels, _)| levels.iter().any(|l| l.starts_with("analyst/"))));
    // Through Engineer: across to it on the way.
    let v = run_json(&["route", "analyst/analyst", "designer/senior", "--via", "Engineer"]);
    assert!(routes_of(&v).iter().all(|(levels, _)| levels.iter().any(|l| l.starts_with("engineer/"))), "{v}");
    // One move: only the routes that get there at once.
    let v = run_json(&["route", "analyst/lead-analyst", "designer/senior", "--max-steps", "1"]);
    assert_eq!(routes_of(&v), [route(&["designer/senior"], 4)]);
}

#[test]
fn route_from_a_profile_counts_the_first_move_from_the_persons_ratings() {
    // Ada, an analyst: to Designer she has research (Practitioner, more than Working) and has not
    // assessed design, which is unknown, so not counted; then up, 3 steps.
    let ada = example_path("career-team/ada.yaml");
    let v = run_json(&["route", "--profile", &ada, "designer/senior"]);
    assert_eq!(v["person"]["name"], "Ada");
    assert_eq!(v["from"]["id"], "analyst");
    assert_eq!(routes_of(&v)[0], route(&["designer/designer", "designer/senior"], 3));
    let best = &v["routes"][0];
    assert_eq!(best["unassessed"], 1);
    let first = &best["steps"][0];
    assert_eq!((first["from_profile"].as_bool(), first["total"].as_i64()), (Some(true), Some(0)));
    assert_eq!(first["unassessed"][0]["skill"]["id"], "design");
    assert_eq!(best["steps"][1]["from_profile"], false);
    // Up first, from her ratings: data +1 only, where the level would ask 3.
    let lead = routes_of(&v).into_iter().find(|(levels, _)| levels[0] == "analyst/lead-analyst").unwrap();
    assert_eq!(lead, route(&["analyst/lead-analyst", "designer/senior"], 5));
    let table =
        stdout(&on_map(&["route", "-p", &ada, "designer/senior"]).iter().map(String::as_str).collect::<Vec<_>>());
    let words = table.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(table.starts_with("Routes for Ada from Analyst (Analyst) to Senior Designer (Designer)"), "{table}");
    assert!(words.contains("Design ?") && words.contains("3 steps to grow and 1 skill not assessed"), "{table}");
    assert!(words.contains("gap --profile") && words.contains("--to designer/designer"), "{table}");
}

#[test]
fn route_refuses_what_it_cannot_answer_and_says_why() {
    let map = |args: &[&str]| refused(&on_map(args).iter().map(String::as_str).collect::<Vec<_>>());
    let err = map(&["route", "analyst/analist", "designer/senior"]);
    assert!(err.contains("analist") && err.contains("did you mean"), "{err}");
    let err = map(&["route", "analyst", "desinger/senior"]);
    assert!(err.contains("desinger") && err.contains("did you mean"), "{err}");
    let err = map(&["route", "analyst", "analyst/analyst"]);
    assert!(err.contains("FROM and TO are the same level, Analyst"), "{err}");
    let err = map(&["route", "analyst", "designer/senior", "--via", "enginer"]);
    assert!(err.contains("unknown role `enginer`") && err.contains("did you mean"), "{err}");
    // Junior Analyst is below every level a move reaches.
    let err = map(&["route", "analyst/lead-analyst", "junior-analyst"]);
    assert!(err.starts_with("error: no route leads from Lead Analyst (Analyst) to Junior Analyst (Analyst)"), "{err}");
    assert!(err.contains("diff analyst/lead-analyst analyst/junior-analyst"), "{err}");
    // Junior Analyst to Principal Designer: across to Designer, up, up.
    let err = map(&["route", "analyst/junior-analyst", "designer/principal-designer", "--max-steps", "2"]);
    assert!(err.contains("within 2 moves: the fewest it takes is 3; allow them with --max-steps 3"), "{err}");
    // A person with no level has nowhere to start; one at the level asked for is there already.
    let nobody = example_path("career-team/eve.yaml");
    let err = map(&["route", "--profile", &nobody, "designer/senior"]);
    assert!(err.contains("names no current `level`, so a route has nowhere to start"), "{err}");
    let ada = example_path("career-team/ada.yaml");
    let err = map(&["route", "--profile", &ada, "analyst/analyst"]);
    assert!(err.contains("is already at Analyst; gap --profile"), "{err}");
    // Usage errors: --max-steps from 1 up; two levels, or a profile and one.
    for bad in ["0", "x", "-1"] {
        let out = cmd().args(on_map(&["route", "analyst", "designer/senior", "--max-steps", bad])).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "--max-steps {bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(bad == "-1" || err.contains("expected a whole number from 1 up"), "{err}");
    }
    let out = cmd().args(on_map(&["route", "analyst"])).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the level to start from and the level to aim for"));
    let out = cmd().args(on_map(&["route", "-p", &ada, "analyst", "designer/senior"])).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("takes the level to aim for alone"));
}

#[test]
fn route_writes_every_format() {
    let args = ["route", "analyst", "designer/senior"];
    let csv =
        stdout(&on_map(&[&args[..], &["--format", "csv"]].concat()).iter().map(String::as_str).collect::<Vec<_>>());
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("route,step,kind,from_level,to_level,same_family,steps,grow,new,unassessed,route_total")
    );
    assert_eq!(lines.next(), Some("1,1,across,analyst/analyst,designer/designer,false,2,,design+2,,5"));
    assert_eq!(lines.next(), Some("1,2,up,designer/designer,designer/senior,true,3,research+1;design+1,coaching+1,,5"));
    for format in ["yaml", "markdown", "html"] {
        let out = stdout(
            &on_map(&[&args[..], &["--format", format]].concat()).iter().map(String::as_str).collect::<Vec<_>>(),
        );
        assert!(out.contains("Senior Designer"), "{format}: {out}");
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("route.xlsx");
    let all = on_map(&[&args[..], &["--format", "xlsx", "--out", path(&file)]].concat());
    cmd().args(all).assert().success();
    assert!(std::fs::read(&file).unwrap().starts_with(b"PK"));
}

/// A small deterministic generator (Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

const STEPS: [&str; 4] = ["aware", "working", "practitioner", "expert"];

/// A framework folder of 2 to 4 roles (`r0`…), 1 to 4 levels each (`l0`…), sharing 6 skills, with
/// proficiencies and families drawn from `seed`; returns its levels as `ROLE/LEVEL`, in order.
fn generate(dir: &Path, seed: u64) -> Vec<String> {
    let mut rng = Lcg(seed);
    let scale: String = STEPS.iter().map(|s| format!("  - id: {s}\n    name: {s}\n    meaning: {s}.\n")).collect();
    let framework =
        format!("id: gen\nname: Generated\nversion: 1\ndescription: Generated.\ndefault_role: r0\nscale:\n{scale}");
    std::fs::write(dir.join("framework.yaml"), framework).unwrap();
    let mut skills = String::from("skills:\n");
    for s in 0..6 {
        skills
            .push_str(&format!("  - id: s{s}\n    name: Skill {s}\n    description: Skill {s}.\n    proficiencies:\n"));
        skills.extend(STEPS.iter().map(|step| format!("      {step}: {step}.\n")));
    }
    std::fs::write(dir.join("skills.yaml"), skills).unwrap();
    std::fs::create_dir(dir.join("roles")).unwrap();
    let mut levels = Vec::new();
    for r in 0..2 + rng.next(3) {
        let mut own: Vec<u64> = (0..6).filter(|_| rng.next(2) == 0).collect();
        if own.len() < 2 {
            own = vec![r % 6, (r + 1) % 6];
        }
        let names: Vec<String> = own.iter().map(|s| format!("s{s}")).collect();
        let family = ["", "family: One\n", "family: Two\n"][rng.next(3) as usize];
        let mut role =
            format!("id: r{r}\nname: Role {r}\n{family}summary: Role {r}.\nskills: [{}]\nlevels:\n", names.join(", "));
        for l in 0..1 + rng.next(4) {
            role.push_str(&format!("  - id: l{l}\n    name: Level {r}.{l}\n    summary: Level {l}.\n    skills:\n"));
            for (k, name) in names.iter().enumerate() {
                let step = (l + rng.next(3)).min(3) as usize;
                let rated = k == 0 || rng.next(5) > 0;
                role.push_str(&format!("      {name}: {}\n", if rated { STEPS[step] } else { "~" }));
            }
            levels.push(format!("r{r}/l{l}"));
        }
        std::fs::write(dir.join(format!("roles/r{r}.yaml")), role).unwrap();
    }
    levels
}

/// A move as `moves` lists it: where it goes, its steps, and whether it stays in the family.
type Edge = (String, i64, bool);

/// The cheapest route of each first move by brute force: every sequence of at most `max` moves
/// over `graph`, never back to `from`, ending where it first reaches `to`. A route is ranked by
/// its steps, then its moves, then its moves out of the family, then its levels in the
/// framework's order (`order`). Returns each route's levels and total, cheapest first.
fn brute_force(
    graph: &BTreeMap<String, Vec<Edge>>,
    order: &[String],
    from: &str,
    to: &str,
    max: usize,
) -> Vec<(Vec<String>, i64)> {
    type Key = (i64, usize, usize, Vec<usize>);
    fn walk(
        graph: &BTreeMap<String, Vec<Edge>>,
        order: &[String],
        (from, to, max): (&str, &str, usize),
        route: &mut Vec<(String, i64, bool)>,
        best: &mut Option<(Key, Vec<String>)>,
    ) {
        let at = route.last().unwrap().0.clone();
        if at == to {
            let key: Key = (
                route.iter().map(|e| e.1).sum(),
                route.len(),
                route.iter().filter(|e| !e.2).count(),
                route.iter().map(|e| order.iter().position(|l| *l == e.0).unwrap()).collect(),
            );
            if best.as_ref().is_none_or(|(b, _)| key < *b) {
                *best = Some((key, route.iter().map(|e| e.0.clone()).collect()));
            }
            return;
        }
        if route.len() == max {
            return;
        }
        for edge in graph[&at].iter().filter(|e| e.0 != from) {
            route.push(edge.clone());
            walk(graph, order, (from, to, max), route, best);
            route.pop();
        }
    }
    let mut found: Vec<(Key, Vec<String>)> = graph[from]
        .iter()
        .filter_map(|first| {
            let mut best = None;
            walk(graph, order, (from, to, max), &mut vec![first.clone()], &mut best);
            best
        })
        .collect();
    found.sort();
    found.into_iter().map(|(key, levels)| (levels, key.0)).collect()
}

#[test]
fn every_route_is_the_cheapest_of_every_sequence_of_moves_on_generated_frameworks() {
    let mut checked = 0;
    for seed in 1..=6 {
        let dir = tempfile::tempdir().unwrap();
        let levels = generate(dir.path(), seed);
        let data = path(dir.path());
        // The moves from every level, as `moves` prints them.
        let graph: BTreeMap<String, Vec<Edge>> = levels
            .iter()
            .map(|level| {
                let v = json(&["--data", data, "moves", level, "--limit", "100"]);
                let edges = v["moves"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| {
                        let to =
                            format!("{}/{}", m["role"]["id"].as_str().unwrap(), m["level"]["id"].as_str().unwrap());
                        (to, m["steps"].as_i64().unwrap(), m["same_family"].as_bool().unwrap())
                    })
                    .collect();
                (level.clone(), edges)
            })
            .collect();
        let mut rng = Lcg(seed * 31);
        for _ in 0..4 {
            let from = &levels[rng.next(levels.len() as u64) as usize];
            let to = &levels[rng.next(levels.len() as u64) as usize];
            if from == to {
                continue;
            }
            let max = 1 + rng.next(5) as usize;
            let expected = brute_force(&graph, &levels, from, to, max);
            let args = ["--data", data, "route", from, to, "--max-steps", &max.to_string()];
            if expected.is_empty() {
                assert!(refused(&args).contains("no route"), "seed {seed}: {from} to {to} in {max}");
                continue;
            }
            let v = json(&args);
            let shown: Vec<(Vec<String>, i64)> = expected.into_iter().take(3).collect();
            assert_eq!(routes_of(&v), shown, "seed {seed}: {from} to {to} in {max}");
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} routes checked");
}

/// The delivery manager, on the official export: the best route from Senior delivery
/// manager to Head of product is no worse than going up the own ladder to its top and across
/// there (then up, if the move across lands lower), costed with the same rule.
#[test]
#[ignore = "needs ../shared (the official DDaT CSV)"]
fn on_the_official_export_the_best_route_is_no_worse_than_up_the_own_ladder_then_across() {
    use pm_skills::model::LevelAt;
    use pm_skills::report::route_search::{Cost, Graph, Leg};
    let tmp = tempfile::tempdir().unwrap();
    let data = crate::site::official_import(tmp.path());
    let framework = pm_skills::data::load_folder(&data).unwrap().0;
    let role = |id: &str| framework.roles.iter().position(|r| r.id == id).unwrap_or_else(|| panic!("role {id}"));
    let level = |role: usize, id: &str| {
        let level = framework.roles[role].levels.iter().position(|l| l.id == id).unwrap_or_else(|| panic!("{id}"));
        LevelAt { role, level }
    };
    let (dm, pm) = (role("delivery-manager"), role("product-manager"));
    let (from, to) = (level(dm, "senior-delivery-manager"), level(pm, "head-of-product"));
    let v = json(&["--data", path(&data), "route", "senior-delivery-manager", "head-of-product"]);
    let best = &v["routes"][0];
    // Up the own ladder to the top, across to the product manager's nearest level, up to Head of product.
    let graph = Graph::new(&framework);
    let mut legs = Vec::new();
    let mut at = from;
    while at.level + 1 < framework.roles[dm].levels.len() {
        let next = LevelAt { role: dm, level: at.level + 1 };
        legs.push(Leg::between(&framework, at, next));
        at = next;
    }
    let across = *graph.moves_from(at).iter().find(|l| l.role == pm).expect("a move across to product");
    legs.push(Leg::between(&framework, at, across));
    at = across;
    while at.level < to.level {
        let next = LevelAt { role: pm, level: at.level + 1 };
        legs.push(Leg::between(&framework, at, next));
        at = next;
    }
    assert_eq!(at, to, "up the own ladder and across lands above Head of product: {legs:?}");
    let ladder = Cost::of(&legs);
    let named: Vec<String> = legs.iter().map(|l| framework.qualified(l.to)).collect();
    let shown: Vec<String> =
        routes_of(&v).into_iter().map(|(levels, total)| format!("{} ({total})", levels.join(" → "))).collect();
    eprintln!(
        "best routes: {shown:#?}\nup the own ladder, then across: {} ({} steps)",
        named.join(" → "),
        ladder.steps
    );
    assert!(best["total"].as_i64().unwrap() <= ladder.steps, "{shown:?} against {named:?}, {}", ladder.steps);
    // The report's total is the rule's cost of its own route.
    let route: Vec<LevelAt> = best["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| level(role(s["to"]["role"]["id"].as_str().unwrap()), s["to"]["id"].as_str().unwrap()))
        .collect();
    let mut legs = vec![Leg::between(&framework, from, route[0])];
    legs.extend(route.windows(2).map(|w| Leg::between(&framework, w[0], w[1])));
    assert_eq!(Cost::of(&legs).steps, best["total"].as_i64().unwrap());
}
