//! The seniority of levels: the keyword rule that orders the alphabetical levels of the export,
//! and the `--level-order` file that overrides it role by role.

use std::collections::HashMap;

use anyhow::bail;

use super::roles::RoleAcc;
use crate::diagnostics::find_line;
use crate::raw::OrderedMap;
use crate::resolve::{did_you_mean, normalise};
use crate::source::SourceFile;
use crate::yaml;

/// The seniority rule in one sentence, as the report states it.
pub const SENIORITY_RULE: &str = "Levels are ordered by keywords in their names, most junior first: \
apprentice/intern < trainee/graduate < associate/assistant < junior < (no keyword) < senior/major \
< lead < principal < head/chief/director; within one role, levels named \"analyst\" come before \
all other levels except head/chief/director ones (IT operations: service desk analyst < senior \
service desk analyst < service desk manager). Equal ranks keep the CSV order and are reported as \
ties. --level-order FILE overrides the rule for the roles it names.";

/// The seniority of a level name, as a sort key: smaller is more junior.
///
/// The export lists levels alphabetically, so the order comes from the words of the level name
/// (case-insensitive, whole words). The **grade** is the highest keyword found:
///
/// | grade | keywords |
/// |---|---|
/// | 0 | apprentice, intern |
/// | 1 | trainee, graduate |
/// | 2 | associate, assistant |
/// | 3 | junior |
/// | 4 | none of these (e.g. "Delivery manager") |
/// | 5 | senior, major ("Major incident manager") |
/// | 6 | lead |
/// | 7 | principal |
/// | 8 | head, chief, director |
///
/// The **track** puts a level whose name contains the word "analyst" before the role's other
/// levels, unless it is a grade-8 level: in IT operations, analysts work under the managers of
/// the same role ("Service desk analyst" < "Senior service desk analyst" < "Service desk
/// manager" < "Head of service desk"). Roles whose levels are all analysts are unaffected.
///
/// Checked against all 48 roles with levels in the September 2025 export, and against the
/// average proficiency of each level. Two facts of that export shape the table: in user-centred
/// design the associate level sits *below* junior (associate designers rate mostly awareness,
/// junior designers awareness and working), and trainee sits below associate (data scientist,
/// business architect). Equal keys keep the CSV order and are reported as ties: "Senior
/// developer" / "Senior developer - management" (parallel technical and management roles at one
/// level), "Change and release analyst" / "Configuration analyst", "Service acceptance analyst"
/// / "Service readiness analyst".
pub fn seniority(level_name: &str) -> (u8, u8) {
    let mut grade = None;
    let mut analyst = false;
    for word in level_name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let word = word.to_lowercase();
        let g = match word.as_str() {
            "apprentice" | "apprentices" | "intern" => 0,
            "trainee" | "graduate" => 1,
            "associate" | "assistant" => 2,
            "junior" => 3,
            "senior" | "major" => 5,
            "lead" => 6,
            "principal" => 7,
            "head" | "chief" | "director" => 8,
            "analyst" | "analysts" => {
                analyst = true;
                continue;
            }
            _ => continue,
        };
        grade = Some(grade.map_or(g, |old: u8| old.max(g)));
    }
    let grade = grade.unwrap_or(4);
    let track = u8::from(!analyst || grade == 8);
    (track, grade)
}

/// Orders `names` by [`seniority`], stably. Returns the new order (indices into `names`) and the
/// groups of indices the rule could not separate (each group in its original order).
pub fn order_by_seniority(names: &[&str]) -> (Vec<usize>, Vec<Vec<usize>>) {
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&i| seniority(names[i]));
    let mut ties: Vec<Vec<usize>> = Vec::new();
    for chunk in order.chunk_by(|&a, &b| seniority(names[a]) == seniority(names[b])) {
        if chunk.len() > 1 {
            ties.push(chunk.to_vec());
        }
    }
    (order, ties)
}

/// Reads the `--level-order` file: role id (or name) → its level names or ids, most junior first.
/// Returns role index → level indices in the new order. Any unknown role or level, duplicate or
/// missing level is an error naming the file and the line; every such error is reported at once.
pub(super) fn read_level_order(file: &SourceFile, roles: &[RoleAcc]) -> anyhow::Result<HashMap<usize, Vec<usize>>> {
    let mut problems = crate::diagnostics::Problems::default();
    let Some(map) = yaml::parse::<OrderedMap<Vec<String>>>(file, &mut problems) else {
        let list: Vec<String> = problems.0.iter().map(ToString::to_string).collect();
        bail!(
            "cannot use --level-order {}: {}\n  expected a mapping of role ids to level names, most junior first, e.g.\n    delivery-manager:\n      - Associate delivery manager\n      - Delivery manager",
            file.display,
            list.join("\n  ")
        );
    };
    let mut errors: Vec<String> = Vec::new();
    let mut out: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut from = 1;
    for (role_key, names) in map.0 {
        let line =
            find_line(&file.text, &format!("{role_key}:"), from).or_else(|| find_line(&file.text, &role_key, from));
        from = line.map_or(from, |l| l + 1);
        let at = match line {
            Some(l) => format!("{}:{l}", file.display),
            None => file.display.clone(),
        };
        let wanted = normalise(&role_key);
        let Some(r) = roles.iter().position(|r| r.id == wanted || normalise(&r.name) == wanted) else {
            let hint = did_you_mean(&role_key, roles.iter().map(|r| r.id.as_str()))
                .map(|b| format!("; did you mean `{b}`?"))
                .unwrap_or_default();
            errors.push(format!("{at}: unknown role `{role_key}`; no role of the roles CSV has this id or name{hint}"));
            continue;
        };
        if out.contains_key(&r) {
            errors.push(format!("{at}: role `{}` is listed twice", roles[r].id));
            continue;
        }
        if let Some(order) = listed_order(&roles[r], &names, &at, &mut errors) {
            out.insert(r, order);
        }
    }
    if !errors.is_empty() {
        bail!(
            "cannot use --level-order {}: {} problem{}\n  {}",
            file.display,
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            errors.join("\n  ")
        );
    }
    Ok(out)
}

/// The level indices of `role` in the order `names` lists them, or `None` (with the errors
/// pushed, `at` naming the file and line) unless `names` lists every level once.
fn listed_order(role: &RoleAcc, names: &[String], at: &str, errors: &mut Vec<String>) -> Option<Vec<usize>> {
    let valid = || {
        if role.levels.is_empty() {
            "the role has no levels".to_string()
        } else {
            format!("its levels are: {}", role.levels.iter().map(|l| l.id.as_str()).collect::<Vec<_>>().join(", "))
        }
    };
    let mut order: Vec<usize> = Vec::new();
    let mut ok = true;
    for name in names {
        let n = normalise(name);
        match role.levels.iter().position(|l| l.id == n || normalise(&l.name) == n) {
            Some(l) if order.contains(&l) => {
                errors.push(format!("{at}: level `{name}` of role `{}` is listed twice", role.id));
                ok = false;
            }
            Some(l) => order.push(l),
            None => {
                let hint = did_you_mean(name, role.levels.iter().flat_map(|l| [l.id.as_str(), l.name.as_str()]))
                    .map(|b| format!("; did you mean `{b}`?"))
                    .unwrap_or_default();
                errors.push(format!("{at}: unknown level `{name}` of role `{}`{hint}\n    {}", role.id, valid()));
                ok = false;
            }
        }
    }
    let missing: Vec<&str> =
        (0..role.levels.len()).filter(|l| !order.contains(l)).map(|l| role.levels[l].id.as_str()).collect();
    if ok && !missing.is_empty() {
        errors.push(format!("{at}: role `{}` must list all its levels; missing: {}", role.id, missing.join(", ")));
        ok = false;
    }
    ok.then_some(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ordered(names: &[&str]) -> Vec<String> {
        let (order, _) = order_by_seniority(names);
        order.into_iter().map(|i| names[i].to_string()).collect()
    }

    #[test]
    fn seniority_orders_the_alphabetical_csv_levels() {
        // Exactly as the September 2025 export lists them (alphabetically).
        assert_eq!(
            ordered(&[
                "Associate product manager",
                "Head of product",
                "Lead product manager",
                "Product manager",
                "Senior product manager",
            ]),
            [
                "Associate product manager",
                "Product manager",
                "Senior product manager",
                "Lead product manager",
                "Head of product",
            ]
        );
        assert_eq!(
            ordered(&[
                "Associate delivery manager",
                "Delivery manager",
                "Head of (Agile) delivery management",
                "Senior delivery manager",
            ]),
            [
                "Associate delivery manager",
                "Delivery manager",
                "Senior delivery manager",
                "Head of (Agile) delivery management",
            ]
        );
        assert_eq!(
            ordered(&[
                "Associate data scientist",
                "Data scientist",
                "Head of data science",
                "Lead data scientist",
                "Principal data scientist",
                "Trainee data scientist",
            ]),
            [
                "Trainee data scientist",
                "Associate data scientist",
                "Data scientist",
                "Lead data scientist",
                "Principal data scientist",
                "Head of data science",
            ]
        );
    }

    #[test]
    fn seniority_handles_the_tricky_names_of_the_real_export() {
        // User-centred design: associate sits below junior.
        assert_eq!(
            ordered(&[
                "Associate user researcher",
                "Head of user research",
                "Junior user researcher",
                "Lead user researcher",
                "Senior user researcher",
                "User researcher",
            ]),
            [
                "Associate user researcher",
                "Junior user researcher",
                "User researcher",
                "Senior user researcher",
                "Lead user researcher",
                "Head of user research",
            ]
        );
        // Apprentice < junior, and "- management" twins tie at their grade.
        assert_eq!(
            ordered(&[
                "Apprentice developer",
                "Developer",
                "Junior developer",
                "Lead developer",
                "Lead developer - management",
                "Principal developer",
                "Principal developer - management",
                "Senior developer",
                "Senior developer - management",
            ]),
            [
                "Apprentice developer",
                "Junior developer",
                "Developer",
                "Senior developer",
                "Senior developer - management",
                "Lead developer",
                "Lead developer - management",
                "Principal developer",
                "Principal developer - management",
            ]
        );
        // Analysts before managers, head last; a senior analyst is still below the manager.
        assert_eq!(
            ordered(&[
                "Head of command and control",
                "Operational control manager",
                "Operations analyst",
                "Senior operations analyst",
            ]),
            [
                "Operations analyst",
                "Senior operations analyst",
                "Operational control manager",
                "Head of command and control",
            ]
        );
        // "Lead" as the last word, "Chief" as a grade, "Major" as senior, trailing space.
        assert_eq!(ordered(&["Data ethics lead", "Head of data ethics"]), ["Data ethics lead", "Head of data ethics"]);
        assert_eq!(
            ordered(&["Chief data architect", "Data architect", "Senior data architect"]),
            ["Data architect", "Senior data architect", "Chief data architect"]
        );
        assert_eq!(
            ordered(&["Incident manager", "Major incident manager"]),
            ["Incident manager", "Major incident manager"]
        );
        assert_eq!(seniority("End user computing engineer "), seniority("End user computing engineer"));
        // Roles of analysts only are ordered by grade alone.
        assert_eq!(
            ordered(&["Associate data analyst", "Data analyst", "Principal data analyst", "Senior data analyst",]),
            ["Associate data analyst", "Data analyst", "Senior data analyst", "Principal data analyst",]
        );
        assert_eq!(seniority("Head of business analysis"), (1, 8));
        assert!(seniority("Business analyst") < seniority("Head of business analysis"));
    }

    #[test]
    fn ties_are_reported_and_keep_the_csv_order() {
        let names = ["Change and release analyst", "Change and release manager", "Configuration analyst"];
        let (order, ties) = order_by_seniority(&names);
        assert_eq!(order, [0, 2, 1]);
        assert_eq!(ties, [vec![0, 2]]);
        let (_, ties) = order_by_seniority(&["Junior x", "X", "Senior x"]);
        assert!(ties.is_empty());
    }
}
