//! Name lookup shared by levels, skills, soft skills, roles and frameworks.
//!
//! People type `senior`, `SPM`, `"Senior Product Manager"` or just `sen`; scripts pass ids. One
//! resolver serves them all, so every command accepts the same spellings and fails the same way.

use std::borrow::Cow;
use std::fmt::Write as _;

pub use crate::model::Named;

/// Folds case, spaces and underscores so `Senior Product_Manager` meets `senior-product-manager`.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.trim().chars() {
        if c.is_whitespace() || c == '_' || c == '-' {
            dash = !out.is_empty();
        } else {
            if dash {
                out.push('-');
                dash = false;
            }
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// True for `kebab-case` ids: lowercase ASCII letters and digits in dash-separated words. Such a
/// text is already in the form [`normalise`] gives.
pub fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// The closest candidate to `input`, if any is close enough to be worth suggesting.
///
/// Uses clap's own rule (Jaro similarity above 0.7) and also accepts one or two edits
/// (insertions, deletions, substitutions or swaps of neighbours) on short words, where Jaro is too
/// strict. The edits are counted only when they could change the answer, since a file of
/// thousands of unknown names asks this once for each.
pub fn did_you_mean<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input = normalise(input);
    let input_chars = input.chars().count();
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        // Ids are already in normal form: only names and aliases need folding.
        let norm = if is_kebab(candidate) { Cow::Borrowed(candidate) } else { Cow::Owned(normalise(candidate)) };
        let jaro = strsim::jaro(&input, &norm);
        let chars = norm.chars().count();
        let near = jaro < 0.8 && chars > 3 && chars.abs_diff(input_chars) <= 2;
        let score = if near && strsim::osa_distance(&input, &norm) <= 2 { 0.8 } else { jaro };
        if score > 0.7 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Finds one item by id, alias, display name or unique prefix, ignoring case.
///
/// `kind` names the thing for messages ("level", "skill"). The error lists every valid name and,
/// where one is close, suggests it.
pub fn resolve<'a, T: Named>(items: &'a [T], query: &str, kind: &str) -> anyhow::Result<&'a T> {
    resolve_index(items, query, kind).map(|i| &items[i])
}

/// Like [`resolve`], but returns the position, which reports use to look at neighbours.
pub fn resolve_index<T: Named>(items: &[T], query: &str, kind: &str) -> anyhow::Result<usize> {
    // An id as written is the usual query (every profile of a team names its role): it is found
    // without normalising every name.
    if let Some(i) = items.iter().position(|item| item.id() == query) {
        return Ok(i);
    }
    let q = normalise(query);
    if q.is_empty() {
        anyhow::bail!("{}", unknown(items, query, kind, None));
    }
    let names = |item: &T| {
        let mut all = vec![normalise(item.id()), normalise(item.name())];
        all.extend(item.aliases().iter().map(|a| normalise(a)));
        all
    };
    if let Some(i) = items.iter().position(|item| names(item).contains(&q)) {
        return Ok(i);
    }
    let prefixed: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| names(item).iter().any(|n| n.starts_with(&q)))
        .map(|(i, _)| i)
        .collect();
    match prefixed.as_slice() {
        [one] => Ok(*one),
        [] => {
            let pool = items.iter().flat_map(|item| {
                std::iter::once(item.id())
                    .chain(std::iter::once(item.name()))
                    .chain(item.aliases().iter().map(String::as_str))
            });
            let best = did_you_mean(query, pool).and_then(|b| {
                // Suggest the canonical id of whichever item the close name belongs to.
                items
                    .iter()
                    .find(|item| item.id() == b || item.name() == b || item.aliases().iter().any(|a| a == b))
                    .map(|item| item.id())
            });
            anyhow::bail!("{}", unknown(items, query, kind, best))
        }
        many => {
            let list: Vec<String> = many.iter().map(|&i| format!("`{}`", items[i].id())).collect();
            let query = crate::text::sanitize(query, false);
            anyhow::bail!("{kind} `{query}` is ambiguous; it could be {}", list.join(", "))
        }
    }
}

/// What an answer names among `items`, which are listed in order (a scale's steps, a role's
/// levels): an id, alias or name, its number counting from 1, or a unique prefix, in that order
/// of precedence. The one rule for what an answer means, so `assess` and a profile file take the
/// same answers; the error is [`resolve_index`]'s.
pub fn resolve_answer<T: Named>(items: &[T], answer: &str, kind: &str) -> anyhow::Result<usize> {
    // A number is digits only: folding would read `-1` as `1`.
    let digits = answer.trim();
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        let named = |item: &T| {
            std::iter::once(item.id())
                .chain(std::iter::once(item.name()))
                .chain(item.aliases().iter().map(String::as_str))
                .any(|n| normalise(n) == digits)
        };
        if !items.iter().any(named)
            && let Some(n) = digits.parse::<usize>().ok().filter(|n| (1..=items.len()).contains(n))
        {
            return Ok(n - 1);
        }
    }
    resolve_index(items, answer, kind)
}

/// The step of `scale` an answer names, by [`resolve_answer`]'s rule; `None` for anything else.
pub fn step_index(scale: &[crate::model::ScaleStep], answer: &str) -> Option<usize> {
    // Profiles written by pm-skills give ids: found without folding anything.
    if let Some(i) = scale.iter().position(|s| s.id == answer) {
        return Some(i);
    }
    resolve_answer(scale, answer, "proficiency").ok()
}

/// Finds a level anywhere in the framework.
///
/// `ROLE/LEVEL` names the role, then the level in it. A bare name is looked up in `scope` (the
/// role `--role` names, or the only or default one) first; failing that, an id, alias or name of
/// exactly one level in the whole framework picks it, and one matching levels of several roles
/// fails with the qualified candidates. Without a scope, a unique prefix across the framework
/// also picks a level.
pub fn resolve_level(
    framework: &crate::model::Framework,
    query: &str,
    scope: Option<usize>,
) -> anyhow::Result<crate::model::LevelAt> {
    use crate::model::LevelAt;
    let roles = &framework.roles;
    if let Some((role, level)) = query.split_once('/') {
        let role = resolve_index(roles, role, "role")?;
        let level = resolve_index(&roles[role].levels, level, "level")
            .map_err(|e| anyhow::anyhow!("{e}\n  (levels of the role {})", roles[role].id))?;
        return Ok(LevelAt { role, level });
    }
    let q = normalise(query);
    let matches = |level: &crate::model::Level, exact: bool| {
        let names = std::iter::once(level.id.as_str())
            .chain(std::iter::once(level.name.as_str()))
            .chain(level.aliases.iter().map(String::as_str));
        names.map(normalise).any(|n| if exact { n == q } else { n.starts_with(&q) })
    };
    let everywhere = |exact: bool| -> Vec<LevelAt> {
        roles
            .iter()
            .enumerate()
            .flat_map(|(r, role)| {
                role.levels
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| matches(l, exact))
                    .map(move |(l, _)| LevelAt { role: r, level: l })
            })
            .collect()
    };
    if !q.is_empty() {
        let exact = everywhere(true);
        if let Some(at) = exact.iter().find(|at| Some(at.role) == scope) {
            return Ok(*at);
        }
        match exact.as_slice() {
            [one] => return Ok(*one),
            [] => {}
            many => return Err(ambiguous_level(framework, query, many)),
        }
    }
    if let Some(role) = scope {
        let level = resolve_index(&roles[role].levels, query, "level").map_err(|e| {
            if roles.len() > 1 {
                anyhow::anyhow!(
                    "{e}\n  (levels of the role {}; name a level of another role as ROLE/LEVEL)",
                    roles[role].id
                )
            } else {
                e
            }
        })?;
        return Ok(LevelAt { role, level });
    }
    let prefixed = if q.is_empty() { Vec::new() } else { everywhere(false) };
    match prefixed.as_slice() {
        [one] => Ok(*one),
        [] => {
            let mut msg = format!("unknown level `{}`", crate::text::sanitize(query, false));
            let qualified: Vec<String> =
                roles.iter().flat_map(|r| r.levels.iter().map(move |l| format!("{}/{}", r.id, l.id))).collect();
            let bare = roles.iter().flat_map(|r| r.levels.iter().map(|l| l.id.as_str()));
            if let Some(best) = did_you_mean(query, bare) {
                let hits = everywhere_ids(framework, best);
                let _ = write!(
                    msg,
                    "\n  did you mean `{}`?",
                    if hits.len() == 1 { best.to_string() } else { hits.join("`, `") }
                );
            }
            let _ = write!(
                msg,
                "\n  {} levels in {} roles; list a role's with `pm-skills --role ROLE levels`, or name one as ROLE/LEVEL, e.g. `{}`",
                qualified.len(),
                roles.len(),
                qualified.first().map_or("", String::as_str)
            );
            anyhow::bail!("{msg}")
        }
        many => Err(ambiguous_level(framework, query, many)),
    }
}

/// The qualified names of the levels whose id is `id`.
fn everywhere_ids(framework: &crate::model::Framework, id: &str) -> Vec<String> {
    framework
        .roles
        .iter()
        .flat_map(|r| r.levels.iter().filter(|l| l.id == id).map(move |l| format!("{}/{}", r.id, l.id)))
        .collect()
}

fn ambiguous_level(framework: &crate::model::Framework, query: &str, many: &[crate::model::LevelAt]) -> anyhow::Error {
    let list: Vec<String> = many
        .iter()
        .map(|at| format!("`{}/{}`", framework.roles[at.role].id, framework.roles[at.role].levels[at.level].id))
        .collect();
    anyhow::anyhow!(
        "level `{}` is ambiguous; it could be {}\n  name one as ROLE/LEVEL, or pick the role with --role",
        crate::text::sanitize(query, false),
        list.join(", ")
    )
}

fn unknown<T: Named>(items: &[T], query: &str, kind: &str, best: Option<&str>) -> String {
    // The query is typed or read from a file: a line break in it must not start a line here.
    let mut msg = format!("unknown {kind} `{}`", crate::text::sanitize(query, false));
    let mut list = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            list.push_str(", ");
        }
        let _ = write!(list, "{}", item.id());
        if item.name() != item.id() {
            let _ = write!(list, " ({})", item.name());
        }
    }
    let _ = write!(msg, "\n  valid {kind}s: {list}");
    if let Some(best) = best {
        let _ = write!(msg, "\n  did you mean `{best}`?");
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Item(&'static str, &'static str, Vec<String>);
    impl Named for Item {
        fn id(&self) -> &str {
            self.0
        }
        fn name(&self) -> &str {
            self.1
        }
        fn aliases(&self) -> &[String] {
            &self.2
        }
    }

    fn levels() -> Vec<Item> {
        vec![
            Item("product-manager", "Product Manager", vec!["pm".into()]),
            Item("senior", "Senior Product Manager", vec!["spm".into()]),
            Item("lead", "Lead Product Manager", vec!["lpm".into()]),
            Item("head", "Head of Product", vec![]),
        ]
    }

    #[test]
    fn resolves_id_alias_name_and_prefix_ignoring_case() {
        let items = levels();
        assert_eq!(resolve(&items, "senior", "level").unwrap().0, "senior");
        assert_eq!(resolve(&items, "SPM", "level").unwrap().0, "senior");
        assert_eq!(resolve(&items, "Senior Product Manager", "level").unwrap().0, "senior");
        assert_eq!(resolve(&items, "sen", "level").unwrap().0, "senior");
        assert_eq!(resolve(&items, "head of product", "level").unwrap().0, "head");
        assert_eq!(resolve(&items, "product_manager", "level").unwrap().0, "product-manager");
    }

    #[test]
    fn unknown_names_list_valid_ones_and_suggest() {
        let err = resolve(&levels(), "senoir", "level").unwrap_err().to_string();
        assert!(err.contains("unknown level `senoir`"), "{err}");
        assert!(err.contains("valid levels: product-manager (Product Manager), senior"), "{err}");
        assert!(err.contains("did you mean `senior`?"), "{err}");
        let err = resolve(&levels(), "zzzz", "level").unwrap_err().to_string();
        assert!(!err.contains("did you mean"), "{err}");
    }

    #[test]
    fn ambiguous_prefix_names_candidates() {
        let items = vec![Item("lead", "Lead", vec![]), Item("lean", "Lean", vec![])];
        let err = resolve(&items, "lea", "level").unwrap_err().to_string();
        assert!(err.contains("ambiguous") && err.contains("`lead`") && err.contains("`lean`"), "{err}");
    }

    #[test]
    fn suggestions_take_close_spellings_and_leave_far_ones() {
        let ids = ["agile-working", "user-focus", "lead", "strategy"];
        // Jaro alone is enough.
        assert_eq!(did_you_mean("agile-workin", ids), Some("agile-working"));
        // Two edits on a short word, where Jaro is below clap's bar.
        assert!(strsim::jaro("lxxd", "lead") < 0.7);
        assert_eq!(did_you_mean("lxxd", ids), Some("lead"));
        assert_eq!(did_you_mean("xxxd", ids), None);
        // Short words are never matched on edits alone, nor words three letters longer.
        assert_eq!(did_you_mean("xyz", ids), None);
        assert_eq!(did_you_mean("skill-39999", ids), None);
        assert_eq!(did_you_mean("Lead", ids), Some("lead"));
    }

    #[test]
    fn a_step_is_its_number_id_name_or_unique_prefix() {
        use crate::model::ScaleStep;
        let step = |id: &str, name: &str| ScaleStep { id: id.into(), name: name.into(), meaning: String::new() };
        let scale = [step("work", "Working"), step("working-well", "Working well"), step("expert", "Expert")];
        let at = |answer: &str| step_index(&scale, answer);
        assert_eq!((at("1"), at("3"), at(" 02 ")), (Some(0), Some(2), Some(1)));
        assert_eq!(
            (at("0"), at("4"), at("3.5"), at("-1"), at("99999999999999999999999")),
            (None, None, None, None, None)
        );
        assert_eq!(
            (at("expert"), at("EXPERT"), at("Working well"), at("working_well")),
            (Some(2), Some(2), Some(1), Some(1))
        );
        // An exact name wins over a longer one it begins; a prefix of two names picks neither.
        assert_eq!((at("work"), at("working"), at("wor"), at("ex")), (Some(0), Some(0), None, Some(2)));
        assert_eq!((at(""), at("  "), at("true"), at("expret")), (None, None, None, None));
        // A name that is a number wins over the number.
        let numbered = [step("l1", "2"), step("l2", "1")];
        assert_eq!((step_index(&numbered, "2"), step_index(&numbered, "1")), (Some(0), Some(1)));
        assert!(
            resolve_answer(&scale, "7", "proficiency").unwrap_err().to_string().starts_with("unknown proficiency `7`")
        );
    }

    #[test]
    fn normalise_folds_separators() {
        assert_eq!(normalise("  Senior  Product_Manager "), "senior-product-manager");
        assert_eq!(normalise("--a--"), "a");
        // `is_kebab` may say no to a normal text (it only knows ASCII), never yes to another.
        for text in ["agile-working", "l9", "s-1", "a--b", "-a", "a-", "A", "a b", "a_b", "é", ""] {
            assert!(!is_kebab(text) || normalise(text) == text, "{text:?}");
        }
        assert!(["agile-working", "l9", "s-1"].iter().all(|t| is_kebab(t)));
    }
}
