//! The search against a brute force: every sequence of moves up to the limit, on small generated
//! frameworks, must give the same best route, and the same best route for each first move.

use super::*;
use crate::model::Assessment;
use crate::report::testing::career_map;

/// A small deterministic generator (Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

const STEPS: [&str; 4] = ["aware", "working", "practitioner", "expert"];

/// A framework of 2 to 4 roles, 1 to 4 levels each, sharing 6 skills, with proficiencies and
/// families drawn from `seed`, written as a folder and read back as a run reads one.
pub(super) fn generated(seed: u64) -> Framework {
    let mut rng = Lcg(seed);
    let dir = tempfile::tempdir().unwrap();
    let scale: String = STEPS.iter().map(|s| format!("  - id: {s}\n    name: {s}\n    meaning: {s}.\n")).collect();
    let framework = format!(
        "id: generated\nname: Generated\nversion: 1\ndescription: Generated.\ndefault_role: r0\nscale:\n{scale}"
    );
    std::fs::write(dir.path().join("framework.yaml"), framework).unwrap();
    let mut skills = String::from("skills:\n");
    for s in 0..6 {
        skills
            .push_str(&format!("  - id: s{s}\n    name: Skill {s}\n    description: Skill {s}.\n    proficiencies:\n"));
        for step in STEPS {
            skills.push_str(&format!("      {step}: {step}.\n"));
        }
    }
    std::fs::write(dir.path().join("skills.yaml"), skills).unwrap();
    std::fs::create_dir(dir.path().join("roles")).unwrap();
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
                // Higher levels tend higher; one skill in five left unrated, never the first.
                let step = (l + rng.next(3)).min(3) as usize;
                let rated = k == 0 || rng.next(5) > 0;
                role.push_str(&format!("      {name}: {}\n", if rated { STEPS[step] } else { "~" }));
            }
        }
        std::fs::write(dir.path().join(format!("roles/r{r}.yaml")), role).unwrap();
    }
    crate::data::load_folder(dir.path()).unwrap().0
}

/// Every level of `f`.
fn levels(f: &Framework) -> Vec<LevelAt> {
    (0..f.roles.len())
        .flat_map(|role| (0..f.roles[role].levels.len()).map(move |level| LevelAt { role, level }))
        .collect()
}

/// Every route of at most `query.max_moves` moves, walked one sequence of moves at a time: the
/// cheapest for each first move, cheapest first.
fn brute_force(f: &Framework, query: &Query) -> Vec<Found> {
    fn walk(f: &Framework, graph: &Graph, query: &Query, route: &mut Vec<Leg>, best: &mut Option<Found>) {
        let at = route.last().unwrap().to;
        if at == query.to {
            if route.iter().any(|leg| passes(query, leg.to)) {
                let cost = Cost::of(route);
                if best.as_ref().is_none_or(|b| cost < b.cost) {
                    *best = Some(Found { legs: route.clone(), cost });
                }
            }
            return;
        }
        if route.len() == query.max_moves {
            return;
        }
        for to in graph.moves_from(at).into_iter().filter(|&to| to != query.start.at()) {
            route.push(Leg::between(f, at, to));
            walk(f, graph, query, route, best);
            route.pop();
        }
    }
    let graph = Graph::new(f);
    let mut found: Vec<Found> = graph
        .moves_from(query.start.at())
        .into_iter()
        .filter_map(|to| {
            let mut best = None;
            walk(f, &graph, query, &mut vec![query.start.leg(f, to)], &mut best);
            best
        })
        .collect();
    found.sort_by(|a, b| a.cost.cmp(&b.cost));
    found
}

fn at(role: usize, level: usize) -> LevelAt {
    LevelAt { role, level }
}

/// A person at `level` who rates every other skill of the framework at a step drawn from `rng`.
fn person(f: &Framework, level: LevelAt, rng: &mut Lcg) -> Profile {
    let skills = (0..f.skills.len())
        .filter(|s| s % 2 == 0)
        .map(|s| (s, Assessment { proficiency: rng.next(4) as usize, evidence: vec![] }))
        .collect();
    Profile { level: Some(level.level), skills, ..Profile::empty("p.yaml", "P", level.role) }
}

#[test]
fn the_search_finds_what_every_sequence_of_moves_finds() {
    let (mut checked, mut too_far, mut unreachable, mut through) = (0, 0, 0, 0);
    for seed in 1..=40 {
        let f = generated(seed);
        let all = levels(&f);
        let mut rng = Lcg(seed * 7919);
        for _ in 0..6 {
            let from = all[rng.next(all.len() as u64) as usize];
            let to = all[rng.next(all.len() as u64) as usize];
            if from == to {
                continue;
            }
            let via = (rng.next(3) == 0).then(|| rng.next(f.roles.len() as u64) as usize);
            let max_moves = 1 + rng.next(5) as usize;
            let someone = person(&f, from, &mut rng);
            for start in [Start::Level(from), Start::Person(&someone, from)] {
                let query = Query { start, to, via, max_moves };
                let brute = brute_force(&f, &query);
                match search(&f, &query, usize::MAX) {
                    Ok(found) => {
                        assert_eq!(found, brute, "seed {seed}: {query:?}");
                        let firsts: Vec<LevelAt> = found.iter().map(|r| r.legs[0].to).collect();
                        let mut unique = firsts.clone();
                        unique.dedup();
                        assert_eq!(firsts.len(), unique.len(), "alternatives differ in their first move");
                        checked += 1;
                        through += usize::from(query.via.is_some());
                    }
                    Err(why) => {
                        assert!(brute.is_empty(), "seed {seed}: {why:?}, but {brute:?}");
                        // Without the limit, a route exists at the fewest moves said, or none at
                        // all: no route needs more moves than there are levels, twice.
                        match why {
                            NoRoute::TooFar(fewest) => {
                                too_far += 1;
                                assert!(fewest > max_moves);
                                let longer = search(&f, &Query { max_moves: fewest, ..query }, 1).unwrap();
                                assert_eq!(longer[0].cost.moves, fewest);
                                assert!(search(&f, &Query { max_moves: fewest - 1, ..query }, 1).is_err());
                            }
                            NoRoute::Unreachable => {
                                unreachable += 1;
                                let unlimited = Query { max_moves: 2 * all.len(), ..query };
                                assert_eq!(search(&f, &unlimited, 1), Err(NoRoute::Unreachable));
                            }
                        }
                    }
                }
            }
        }
    }
    // Every case is met: routes (some through a role), too few moves allowed, and none at all.
    assert!(
        checked > 150 && through > 20 && too_far > 5 && unreachable > 5,
        "{checked} {through} {too_far} {unreachable}"
    );
}

#[test]
fn the_cost_of_a_move_then_a_route_is_the_cost_of_the_whole() {
    let f = career_map();
    let legs = [
        Leg::between(&f, at(0, 0), at(0, 1)),
        Leg::between(&f, at(0, 1), at(1, 0)),
        Leg::between(&f, at(1, 0), at(1, 1)),
    ];
    assert_eq!(Cost::before(&legs[0], &Cost::of(&legs[1..])), Cost::of(&legs));
    let cost = Cost::of(&legs);
    assert_eq!((cost.steps, cost.moves), (legs.iter().map(|l| l.steps).sum(), 3));
    assert_eq!(cost.path, [at(0, 1), at(1, 0), at(1, 1)]);
    // Fewer steps first; at equal steps, fewer moves; then fewer moves out of the family.
    let cheap = Cost { steps: 3, moves: 4, ..Cost::default() };
    assert!(cheap < Cost { steps: 4, moves: 1, ..Cost::default() });
    assert!(Cost { moves: 2, other_family: 2, ..cheap.clone() } < Cost { moves: 3, ..cheap.clone() });
    assert!(Cost { other_family: 0, ..cheap.clone() } < Cost { other_family: 1, ..cheap });
}

#[test]
fn on_the_career_map_the_route_is_each_move_as_moves_measures_it() {
    let f = career_map();
    // Analyst to Senior Designer: across to Designer (2 steps), then up (3), beats up to Lead
    // Analyst (3) then across to Senior Designer (4).
    let query = Query { start: Start::Level(at(0, 1)), to: at(1, 1), via: None, max_moves: 6 };
    let found = search(&f, &query, 3).unwrap();
    let path = |r: &Found| r.legs.iter().map(|l| (l.to, l.kind(), l.steps)).collect::<Vec<_>>();
    assert_eq!(path(&found[0]), [(at(1, 0), Kind::Across, 2), (at(1, 1), Kind::Up, 3)]);
    assert_eq!(path(&found[1]), [(at(0, 2), Kind::Up, 3), (at(1, 1), Kind::Across, 4)]);
    assert_eq!(found[0].cost.steps, 5);
    // Each move's steps are the ones `moves` lists.
    let listed = crate::report::moves::MovesReport::build(&f, at(0, 1), None, 10);
    for route in &found {
        let first = listed.moves.iter().find(|m| m.at == route.legs[0].to).unwrap();
        assert_eq!(first.steps, route.legs[0].steps);
    }
    // Through the own ladder first, the second route is the only one.
    let up_first = search(&f, &Query { via: Some(0), ..query }, 3).unwrap();
    assert_eq!(up_first[0].legs[0].to, at(0, 2));
    // One move is not enough; nor is any number, downwards.
    assert_eq!(search(&f, &Query { max_moves: 1, ..query }, 3), Err(NoRoute::TooFar(2)));
    let down = Query { start: Start::Level(at(0, 2)), to: at(0, 0), via: None, max_moves: 6 };
    assert_eq!(search(&f, &down, 3), Err(NoRoute::Unreachable));
}

#[test]
fn a_persons_first_move_is_measured_from_their_ratings_and_unassessed_is_unknown() {
    let f = career_map();
    let skill = |id: &str| f.skills.iter().position(|s| s.id == id).unwrap();
    let rated = |id: &str, step: usize| (skill(id), Assessment { proficiency: step, evidence: vec![] });
    // Ada: research practitioner, data and delivery working, coding aware; no design.
    let mut skills = vec![rated("research", 2), rated("data", 1), rated("delivery", 1), rated("coding", 0)];
    skills.sort_by_key(|(s, _)| *s);
    let ada = Profile { level: Some(1), skills, ..Profile::empty("ada.yaml", "Ada", 0) };
    let to_designer = Leg::from_person(&f, &ada, at(0, 1), at(1, 0));
    assert_eq!((to_designer.steps, to_designer.unassessed, to_designer.new_skills), (0, 1, 0));
    let to_lead = Leg::from_person(&f, &ada, at(0, 1), at(0, 2));
    assert_eq!((to_lead.steps, to_lead.unassessed, to_lead.kind()), (1, 0, Kind::Up));
    let query = Query { start: Start::Person(&ada, at(0, 1)), to: at(1, 1), via: None, max_moves: 6 };
    let found = search(&f, &query, 3).unwrap();
    assert!(found[0].legs[0].from_profile && !found[0].legs[1].from_profile);
    assert_eq!(found[0].legs[0].to, at(1, 0));
}
