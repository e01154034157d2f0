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

/// One rung of a role's ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub summary: String,
    pub responsibilities: Vec<String>,
    /// Aligned with [`Role::skills`]: the rating of each of the role's skills.
    pub ratings: Vec<Rating>,
}

/// The proficiency a level expects in one skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    /// Index into [`Framework::scale`].
    pub proficiency: usize,
    pub note: Option<String>,
}

impl Framework {
    /// The scale step at `index`; indices come from validated data, so this cannot miss.
    pub fn step(&self, index: usize) -> &ScaleStep {
        &self.scale[index]
    }
}

/// A person's self-assessment, checked against one framework and role.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// The file it came from, for messages and reports.
    pub file: String,
    pub name: String,
    /// Index into the role's levels.
    pub level: Option<usize>,
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
}

/// What a person says of one skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// Index into [`Framework::scale`].
    pub proficiency: usize,
    pub evidence: Vec<String>,
}
