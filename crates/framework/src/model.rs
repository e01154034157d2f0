//! The validated, indexed framework that every report reads.
//!
//! The YAML files are parsed into the raw shapes in [`crate::raw`]; once every check has passed they
//! become these types, where references are plain indices. Reports therefore never look a name up
//! twice and never meet a dangling reference.

/// A levelled skills framework: one proficiency scale, shared skills, and one or more roles.
#[derive(Debug, Clone, PartialEq)]
pub struct Framework {
    pub id: String,
    pub name: String,
    pub version: String,
    pub description: String,
    pub source: String,
    pub licence: String,
    /// Ordered lowest first; a proficiency is an index into this list.
    pub scale: Vec<ScaleStep>,
    /// The steps soft skills are rated on, lowest first; empty when levels do not rate them.
    pub behaviour_scale: Vec<ScaleStep>,
    pub skills: Vec<Skill>,
    pub soft_skills: Vec<SoftSkill>,
    pub roles: Vec<Role>,
    /// The role used when `--role` is not given and there is more than one.
    pub default_role: Option<usize>,
}

/// One step of the proficiency scale, e.g. Practitioner.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleStep {
    pub id: String,
    pub name: String,
    pub meaning: String,
}

/// A skill, with what each step of the scale looks like for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Skill {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub description: String,
    /// Aligned with [`Framework::scale`]; empty text where the data gives none.
    pub proficiencies: Vec<String>,
    /// How to grow into each step, aligned with [`Framework::scale`]; empty where none is given.
    pub tips: Vec<String>,
    pub resources: Vec<Resource>,
}

/// Something to read, watch or do to grow a skill.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Resource {
    pub title: String,
    pub url: String,
    pub kind: Option<String>,
}

/// The one way a resource reads as text: `Title (kind): URL`. (The site makes the title a link.)
impl std::fmt::Display for Resource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.title)?;
        if let Some(kind) = &self.kind {
            write!(f, " ({kind})")?;
        }
        write!(f, ": {}", self.url)
    }
}

/// A behaviour the role needs that is not rated on the scale.
#[derive(Debug, Clone, PartialEq)]
pub struct SoftSkill {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub explanation: String,
    pub examples: Vec<String>,
}

/// A role family such as "Product manager", with its ordered levels.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub id: String,
    pub name: String,
    pub family: Option<String>,
    pub summary: String,
    pub technical: String,
    pub benefits: Vec<String>,
    pub day_in_the_life: Vec<String>,
    pub responsibilities: Vec<String>,
    /// Indices into [`Framework::skills`], in the order the role lists them.
    pub skills: Vec<usize>,
    /// Most junior first.
    pub levels: Vec<Level>,
}

impl Role {
    /// The rating `level`, one of this role's levels, gives the framework's skill `skill`: `None`
    /// when the skill is not one of the role's, or the level does not expect it.
    pub fn rating_of<'a>(&self, level: &'a Level, skill: usize) -> Option<&'a Rating> {
        self.skills.iter().position(|&s| s == skill).and_then(|k| level.rating(k))
    }

    /// The framework's skills `level`, one of this role's levels, rates, in the role's order.
    pub fn rated_by(&self, level: &Level) -> Vec<usize> {
        self.skills.iter().enumerate().filter(|&(k, _)| level.rating(k).is_some()).map(|(_, &s)| s).collect()
    }
}

/// One rung of a role's ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub summary: String,
    pub responsibilities: Vec<String>,
    /// Aligned with [`Role::skills`]: the rating of each of the role's skills, `None` where the
    /// level does not expect the skill.
    pub ratings: Vec<Option<Rating>>,
    /// (index into [`Framework::soft_skills`], index into [`Framework::behaviour_scale`]), in
    /// soft-skill order: the behaviours this level rates.
    pub behaviours: Vec<(usize, usize)>,
}

impl Level {
    /// The rating of the role's `k`-th skill, if this level expects it.
    pub fn rating(&self, k: usize) -> Option<&Rating> {
        self.ratings.get(k).and_then(Option::as_ref)
    }

    /// The step of [`Framework::behaviour_scale`] this level expects of the soft skill `soft`, if
    /// it rates it.
    pub fn behaviour(&self, soft: usize) -> Option<usize> {
        self.behaviours.iter().find(|(b, _)| *b == soft).map(|&(_, step)| step)
    }
}

/// The proficiency a level expects in one skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    /// Index into [`Framework::scale`].
    pub proficiency: usize,
    pub note: Option<String>,
    /// What is expected at this level, statement by statement.
    pub criteria: Vec<Criterion>,
}

/// One statement of what a level expects in a skill, with examples of meeting it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Criterion {
    pub statement: String,
    pub examples: Vec<String>,
}

impl Framework {
    /// The scale step at `index`; indices come from validated data, so this cannot miss.
    pub fn step(&self, index: usize) -> &ScaleStep {
        &self.scale[index]
    }

    /// The level at `at`.
    pub fn level(&self, at: LevelAt) -> &Level {
        &self.roles[at.role].levels[at.level]
    }

    /// `ROLE/LEVEL`, the name of `at` that `--to` and `--for` take whatever the role in use.
    pub fn qualified(&self, at: LevelAt) -> String {
        format!("{}/{}", self.roles[at.role].id, self.level(at).id)
    }

    /// The framework and the role of `at`, as reports take them.
    pub fn scope(&self, at: LevelAt) -> Scope<'_> {
        Scope { framework: self, role: &self.roles[at.role] }
    }

    /// The level at `at` as reports show it: id, name and role.
    pub fn level_ref(&self, at: LevelAt) -> LevelRef {
        let (role, level) = (&self.roles[at.role], self.level(at));
        LevelRef { id: level.id.clone(), name: level.name.clone(), role: Ref::from(role) }
    }

    /// The scale step at `index` as a report value.
    pub fn proficiency(&self, index: usize) -> Proficiency {
        let step = self.step(index);
        Proficiency { id: step.id.clone(), name: step.name.clone(), rank: Rank::of_index(index) }
    }
}

/// Where a level is in the framework: a role and a rung of its ladder. Levels of different roles
/// share the framework's skills, so any two can be compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LevelAt {
    /// Index into [`Framework::roles`].
    pub role: usize,
    /// Index into that role's levels.
    pub level: usize,
}

/// A level as reports show it, with its role: a level named across roles is never ambiguous.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LevelRef {
    pub id: String,
    pub name: String,
    pub role: Ref,
}

/// A person's self-assessment, checked against one framework and role.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// The file it came from, for messages and reports.
    pub file: String,
    pub name: String,
    /// Index into [`Framework::roles`]: the role the profile was checked against.
    pub role: usize,
    /// Index into that role's levels.
    pub level: Option<usize>,
    /// The level the person aims for (index into the role's levels), when the profile names one.
    pub target: Option<usize>,
    /// When the assessment was made: a day of the calendar, checked once when the profile is read.
    pub date: Option<jiff::civil::Date>,
    /// Who rated: `self`, or a reviewer's name.
    pub assessor: Option<String>,
    /// (soft skill index into [`Framework::soft_skills`], what the person says on the
    /// [`Framework::behaviour_scale`]), sorted by index.
    pub behaviours: Vec<(usize, Assessment)>,
    /// (skill index into [`Framework::skills`], what the person says), sorted by index, each
    /// index once. A skill not here was not assessed. Sparse, so a profile costs what it holds,
    /// not the size of the framework; a sorted list rather than a hash map, as lookups are few
    /// and a team of thousands builds thousands of them.
    pub skills: Vec<(usize, Assessment)>,
}

impl Profile {
    /// What the person says of the skill at `index`, if they assessed it.
    pub fn assessment(&self, index: usize) -> Option<&Assessment> {
        self.skills.binary_search_by_key(&index, |(i, _)| *i).ok().map(|found| &self.skills[found].1)
    }

    /// What the person says of the soft skill at `index`, if they rated it.
    pub fn behaviour(&self, index: usize) -> Option<&Assessment> {
        self.behaviours.binary_search_by_key(&index, |(i, _)| *i).ok().map(|found| &self.behaviours[found].1)
    }

    /// A profile with nothing in it yet: no level, no date, nothing assessed.
    pub fn empty(file: impl Into<String>, name: impl Into<String>, role: usize) -> Self {
        Profile {
            file: file.into(),
            name: name.into(),
            role,
            level: None,
            target: None,
            date: None,
            assessor: None,
            behaviours: Vec::new(),
            skills: Vec::new(),
        }
    }
}

/// What a person says of one skill (or soft skill).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// Index into [`Framework::scale`] (for a soft skill, [`Framework::behaviour_scale`]).
    pub proficiency: usize,
    pub evidence: Vec<String>,
}

/// An id beside its display name: scripts key on the id, people read the name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Ref {
    pub id: String,
    pub name: String,
}

/// Something with an id and a display name: named on the command line (`resolve` looks it up by
/// either, or an alias), and shown in reports as a [`Ref`].
pub trait Named {
    /// The stable kebab-case id.
    fn id(&self) -> &str;
    /// The display name.
    fn name(&self) -> &str;
    /// Other accepted names.
    fn aliases(&self) -> &[String] {
        &[]
    }
}

/// [`Named`] for a model type by its `id` and `name` fields, and its `aliases` where it has them.
macro_rules! named {
    ($t:ty) => {
        impl Named for $t {
            fn id(&self) -> &str {
                &self.id
            }
            fn name(&self) -> &str {
                &self.name
            }
        }
    };
    ($t:ty, aliases) => {
        impl Named for $t {
            fn id(&self) -> &str {
                &self.id
            }
            fn name(&self) -> &str {
                &self.name
            }
            fn aliases(&self) -> &[String] {
                &self.aliases
            }
        }
    };
}

named!(Level, aliases);
named!(Skill, aliases);
named!(SoftSkill, aliases);
named!(Role);
named!(ScaleStep);
named!(Framework);
named!(crate::raw::RawLevel, aliases);

/// One way to show anything named, so no report spells out the copy.
impl<T: Named + ?Sized> From<&T> for Ref {
    fn from(named: &T) -> Self {
        Ref { id: named.id().to_string(), name: named.name().to_string() }
    }
}

/// A step's place on its scale counting from 1 (the lowest step is rank 1), as JSON shows it and
/// charts plot it. The model counts steps from 0, as an index into the scale; a `Rank` is made
/// from an index and gives one back, so a missing `+ 1` is a type error rather than a wrong step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Rank(u32);

impl Rank {
    /// The rank of the step at `index` of its scale (a scale is a handful of steps, as the loader
    /// checks, so a rank always fits).
    pub fn of_index(index: usize) -> Rank {
        Rank(u32::try_from(index).map_or(u32::MAX, |i| i.saturating_add(1)))
    }

    /// The index of the step into its scale.
    pub fn index(self) -> usize {
        self.get() - 1
    }

    /// The rank as a number, from 1.
    pub fn get(self) -> usize {
        self.0 as usize
    }
}

/// A step of the proficiency scale as reports show it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Proficiency {
    pub id: String,
    pub name: String,
    pub rank: Rank,
}

/// The framework and role a report is about.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    pub framework: &'a Framework,
    pub role: &'a Role,
}

impl<'a> Scope<'a> {
    /// The framework as an id and name.
    pub fn framework_ref(&self) -> Ref {
        Ref::from(self.framework)
    }

    /// The role as an id and name.
    pub fn role_ref(&self) -> Ref {
        Ref::from(self.role)
    }

    /// The scale step at `index` as a report value.
    pub fn proficiency(&self, index: usize) -> Proficiency {
        self.framework.proficiency(index)
    }

    /// The level at `index` of the role as an id and name.
    pub fn level_ref(&self, index: usize) -> Ref {
        let level = &self.role.levels[index];
        Ref::from(level)
    }

    /// How many steps the scale has, for drawing bars.
    pub fn scale_size(&self) -> usize {
        self.framework.scale.len()
    }

    /// The scale's step names, lowest first, for a chart's key.
    pub fn scale_names(&self) -> Vec<String> {
        self.framework.scale.iter().map(|s| s.name.clone()).collect()
    }
}
