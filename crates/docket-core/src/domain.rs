//! The UPR domain as Docket stores it: reviews, recommendations, and the organization's tracking.
//!
//! These types are also the JSON shapes the app and the command line exchange (serde,
//! snake_case). The UI mirrors them in `ui/src/lib/ipc/types.ts`.

use serde::{Deserialize, Serialize};

use crate::store::search::{Facet, Sort};

string_enum! {
    /// The State under review's position on a recommendation.
    Position {
        /// The State supports it (UPR Info's older data: "Accepted").
        Supported = "supported",
        /// The State notes it.
        Noted = "noted",
        /// Partly supported, partly noted (OHCHR: "Supported/Noted").
        SupportedInPart = "supported_in_part",
        /// No position yet (before the addendum).
        Pending = "pending",
    }
}

string_enum! {
    /// The organization's priority for a recommendation.
    Priority {
        /// High.
        High = "high",
        /// Medium.
        Medium = "medium",
        /// Low.
        Low = "low",
    }
}

string_enum! {
    /// Where the organization's lobbying on a recommendation stands.
    LobbyingStatus {
        /// Nothing done yet.
        NotStarted = "not_started",
        /// Planned.
        Planned = "planned",
        /// Under way.
        InProgress = "in_progress",
        /// The ask was met.
        Achieved = "achieved",
        /// Given up.
        Dropped = "dropped",
    }
}

string_enum! {
    /// The organization's assessment of implementation.
    ImplementationStatus {
        /// Not assessed yet.
        NotAssessed = "not_assessed",
        /// Not implemented.
        NotImplemented = "not_implemented",
        /// Partially implemented.
        PartiallyImplemented = "partially_implemented",
        /// Fully implemented.
        FullyImplemented = "fully_implemented",
    }
}

/// A review: one State's UPR in one Working Group session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewReview {
    /// The State under review, canonical name when known, else as written.
    pub state_under_review: String,
    /// UPR cycle (1-5).
    pub cycle: Option<i64>,
    /// UPR Working Group session number.
    pub wg_session: Option<i64>,
    /// Date of the interactive dialogue, `YYYY-MM-DD`.
    pub review_date: Option<String>,
    /// The WG report's symbol, e.g. `A/HRC/46/15`.
    pub report_symbol: Option<String>,
    /// The addendum's symbol, e.g. `A/HRC/46/15/Add.1`.
    pub addendum_symbol: Option<String>,
    /// Date the HRC plenary adopted the outcome, `YYYY-MM-DD`.
    pub adoption_date: Option<String>,
}

/// A stored review with its recommendation count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewSummary {
    /// Database id.
    pub id: i64,
    /// The State under review.
    pub state_under_review: String,
    /// ISO 3166 alpha-3 of the State under review, when it is a known State.
    pub sur_iso3: Option<String>,
    /// UPR cycle.
    pub cycle: Option<i64>,
    /// WG session number.
    pub wg_session: Option<i64>,
    /// Date of the review, `YYYY-MM-DD`.
    pub review_date: Option<String>,
    /// WG report symbol.
    pub report_symbol: Option<String>,
    /// Addendum symbol.
    pub addendum_symbol: Option<String>,
    /// Adoption date, `YYYY-MM-DD`.
    pub adoption_date: Option<String>,
    /// Number of recommendations.
    pub recommendations: i64,
}

impl ReviewSummary {
    /// The review's facts, as a source would give them (e.g. to read a file into this review).
    pub fn facts(&self) -> NewReview {
        NewReview {
            state_under_review: self.state_under_review.clone(),
            cycle: self.cycle,
            wg_session: self.wg_session,
            review_date: self.review_date.clone(),
            report_symbol: self.report_symbol.clone(),
            addendum_symbol: self.addendum_symbol.clone(),
            adoption_date: self.adoption_date.clone(),
        }
    }
}

/// A recommendation to store (as read from a source).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewRecommendation {
    /// Paragraph number in the WG report, e.g. `26.1`.
    pub paragraph: String,
    /// The recommendation's text.
    pub text: String,
    /// Recommending States, as written in the source (resolved by the store).
    pub states: Vec<String>,
    /// The State under review's position.
    pub position: Position,
    /// Where the position comes from, e.g. `A/HRC/46/15/Add.1`.
    pub position_source: Option<String>,
    /// Themes (OHCHR / UPR Info issues).
    pub themes: Vec<String>,
    /// Groups of persons concerned.
    pub groups_of_persons: Vec<String>,
    /// Sustainable Development Goals, e.g. `5 - GENDER EQUALITY`.
    pub sdgs: Vec<String>,
    /// UPR Info action category, 1 (minimal) to 5 (specific action).
    pub action_category: Option<i64>,
    /// The organization's tracking, when the source carries it (Docket's own CSV/XLSX export
    /// read back); `None` for every other source. An import applies it only to the
    /// recommendations it creates: the tracking of a recommendation already in Docket is kept.
    /// Boxed: most sources have none, and an import holds every row in memory at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking: Option<Box<NewTracking>>,
}

/// The organization's tracking of a recommendation as a file gives it (see
/// [`NewRecommendation::tracking`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewTracking {
    /// Priority, if set.
    pub priority: Option<Priority>,
    /// What the organization asks of the government.
    pub our_ask: String,
    /// Lobbying status.
    pub lobbying_status: LobbyingStatus,
    /// Implementation status.
    pub implementation_status: ImplementationStatus,
    /// Who in the organization follows it.
    pub assignee: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Free notes.
    pub notes: String,
    /// Evidence links, in order (the first is the oldest).
    pub evidence: Vec<NewEvidence>,
}

impl Default for NewTracking {
    /// No tracking: no priority, nothing asked, lobbying not started, implementation not
    /// assessed, nobody assigned, no tags, notes or evidence (a new recommendation's tracking).
    fn default() -> Self {
        NewTracking {
            priority: None,
            our_ask: String::new(),
            lobbying_status: LobbyingStatus::NotStarted,
            implementation_status: ImplementationStatus::NotAssessed,
            assignee: String::new(),
            tags: Vec::new(),
            notes: String::new(),
            evidence: Vec::new(),
        }
    }
}

impl NewTracking {
    /// Whether it says nothing a new recommendation does not already have.
    pub fn is_empty(&self) -> bool {
        *self == NewTracking::default()
    }
}

/// An evidence link as a file gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewEvidence {
    /// The address (or file name), kept as text.
    pub url: String,
    /// A label (may be empty).
    pub label: String,
}

/// A recommending State as stored: the name as written and, when known, the canonical State.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StateRef {
    /// Canonical name when known, else the name as written.
    pub name: String,
    /// ISO 3166 alpha-3; `None` flags a name that is not a known State.
    pub iso3: Option<String>,
    /// UN regional group code (`WEOG`, `GRULAC`, …) when known.
    pub regional_group: Option<String>,
}

/// One row of the recommendations table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecommendationRow {
    /// Database id.
    pub id: i64,
    /// Paragraph number.
    pub paragraph: String,
    /// Text.
    pub text: String,
    /// Recommending States' display names.
    pub states: Vec<String>,
    /// Position.
    pub position: Position,
    /// The organization's priority.
    pub priority: Option<Priority>,
    /// Lobbying status.
    pub lobbying_status: LobbyingStatus,
}

/// A window of a review's recommendations, sorted by paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecommendationPage {
    /// Recommendations in the review.
    pub total: i64,
    /// Index of the first row.
    pub offset: i64,
    /// The rows.
    pub rows: Vec<RecommendationRow>,
}

/// A link to evidence (a report, an article) attached to a recommendation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceLink {
    /// Database id.
    pub id: i64,
    /// The address, kept as text.
    pub url: String,
    /// A label.
    pub label: String,
}

/// The organization's own tracking of a recommendation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tracking {
    /// Priority, if set.
    pub priority: Option<Priority>,
    /// What the organization asks of the government.
    pub our_ask: String,
    /// Lobbying status.
    pub lobbying_status: LobbyingStatus,
    /// Implementation status.
    pub implementation_status: ImplementationStatus,
    /// Who in the organization follows it.
    pub assignee: String,
    /// Tags, sorted.
    pub tags: Vec<String>,
    /// Free notes.
    pub notes: String,
    /// Evidence links, oldest first.
    pub evidence: Vec<EvidenceLink>,
}

/// One change to a recommendation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// Database id.
    pub id: i64,
    /// When, RFC 3339 UTC.
    pub at: String,
    /// Who (the user name set in Settings).
    pub who: String,
    /// Which field.
    pub field: String,
    /// The value before (`None`: unset).
    pub old_value: Option<String>,
    /// The value after (`None`: unset).
    pub new_value: Option<String>,
}

/// Everything about one recommendation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecommendationDetail {
    /// Database id.
    pub id: i64,
    /// Its review.
    pub review_id: i64,
    /// Paragraph number.
    pub paragraph: String,
    /// Text.
    pub text: String,
    /// Position.
    pub position: Position,
    /// Source of the position.
    pub position_source: Option<String>,
    /// Recommending States.
    pub recommending_states: Vec<StateRef>,
    /// Themes.
    pub themes: Vec<String>,
    /// Groups of persons.
    pub groups_of_persons: Vec<String>,
    /// SDGs.
    pub sdgs: Vec<String>,
    /// UPR Info action category.
    pub action_category: Option<i64>,
    /// The organization's tracking.
    pub tracking: Tracking,
    /// Changes, newest first.
    pub history: Vec<HistoryEntry>,
}

/// One edit of the organization's tracking. JSON: `{"field": "priority", "value": "high"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum TrackingEdit {
    /// Set or clear the priority.
    Priority(Option<Priority>),
    /// Set our ask.
    OurAsk(String),
    /// Set the lobbying status.
    LobbyingStatus(LobbyingStatus),
    /// Set the implementation status.
    ImplementationStatus(ImplementationStatus),
    /// Set the assignee.
    Assignee(String),
    /// Set the notes.
    Notes(String),
    /// Add a tag.
    AddTag(String),
    /// Remove a tag.
    RemoveTag(String),
    /// Add an evidence link.
    AddEvidence {
        /// The address.
        url: String,
        /// A label.
        label: String,
    },
    /// Remove an evidence link by id.
    RemoveEvidence(i64),
}

/// Counts for one review (`docket-cli stats`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewStats {
    /// The review id.
    pub review: i64,
    /// Recommendations in it.
    pub recommendations: i64,
    /// Count per position; every position present, zero included.
    pub by_position: std::collections::BTreeMap<String, i64>,
    /// Count of recommendations per regional group of the recommending States (a recommendation
    /// made jointly by States of two groups counts once in each); names that are not known States
    /// count under `unknown`.
    pub by_regional_group: std::collections::BTreeMap<String, i64>,
    /// Count of recommendations per theme.
    pub by_theme: std::collections::BTreeMap<String, i64>,
}

string_enum! {
    /// What kind of change a [`ChangeSummary`] is.
    ChangeKind {
        /// One edit of one recommendation.
        Edit = "edit",
        /// One edit of a selection of recommendations.
        Bulk = "bulk",
        /// The undoing of an earlier edit or bulk edit.
        Undo = "undo",
    }
}

/// What a bulk edit did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkOutcome {
    /// The change recorded (one history entry, one Undo step); `None` when nothing changed.
    pub change_id: Option<i64>,
    /// Recommendations actually changed (those already so are left alone).
    pub changed: i64,
}

/// One value changed on one recommendation, as part of a [`ChangeSummary`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeEntry {
    /// The recommendation.
    pub recommendation_id: i64,
    /// Its review.
    pub review_id: i64,
    /// Its paragraph number.
    pub paragraph: String,
    /// Which field (`priority`, `tag`, `evidence`, …, as in [`HistoryEntry::field`]).
    pub field: String,
    /// The value before (`None`: unset).
    pub old_value: Option<String>,
    /// The value after (`None`: unset).
    pub new_value: Option<String>,
}

/// One change: a single edit, a bulk edit, or an undo, with who made it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeSummary {
    /// Database id.
    pub id: i64,
    /// When, RFC 3339 UTC.
    pub at: String,
    /// Who.
    pub who: String,
    /// Edit, bulk edit or undo.
    pub kind: ChangeKind,
    /// Plain words, e.g. "Priority set to High on 67 recommendations".
    pub description: String,
    /// Recommendations it touched (in a review's history: those of that review).
    pub count: i64,
    /// When it was undone, RFC 3339 UTC; `None` if it was not.
    pub undone_at: Option<String>,
    /// Its entries, at most [`MAX_CHANGE_ENTRIES`] (`count` says how many recommendations in all).
    pub entries: Vec<ChangeEntry>,
}

/// The most entries a [`ChangeSummary`] lists.
pub const MAX_CHANGE_ENTRIES: i64 = 200;

/// What an Undo did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UndoOutcome {
    /// The change that was undone (its `undone_at` now set).
    pub undone: ChangeSummary,
    /// Recommendations whose values were restored, by id.
    pub recommendation_ids: Vec<i64>,
}

/// A saved view: a named search with its filters and sort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedView {
    /// Database id.
    pub id: i64,
    /// Its name, unique regardless of case.
    pub name: String,
    /// One review, or `None` for all reviews.
    pub review_id: Option<i64>,
    /// The words searched for (may be empty).
    pub query: String,
    /// Facet values chosen, `[facet, value]`.
    pub filters: Vec<(Facet, String)>,
    /// The order of the hits.
    pub sort: Sort,
    /// Whether the order is reversed.
    pub descending: bool,
    /// When it was saved, RFC 3339 UTC.
    pub created_at: String,
}

/// A view to save (a view with the same name, regardless of case, is replaced).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSavedView {
    /// Its name, 1 to 100 characters.
    pub name: String,
    /// One review, or `None` for all reviews.
    pub review_id: Option<i64>,
    /// The words searched for (may be empty).
    pub query: String,
    /// Facet values chosen, `[facet, value]`.
    pub filters: Vec<(Facet, String)>,
    /// The order of the hits.
    pub sort: Sort,
    /// Whether the order is reversed.
    pub descending: bool,
}

impl Position {
    /// The word shown to people and written in exports, e.g. "Supported in part".
    pub fn label(self) -> &'static str {
        match self {
            Position::Supported => "Supported",
            Position::Noted => "Noted",
            Position::SupportedInPart => "Supported in part",
            Position::Pending => "Pending",
        }
    }
}

impl Priority {
    /// The word shown to people and written in exports, e.g. "High".
    pub fn label(self) -> &'static str {
        match self {
            Priority::High => "High",
            Priority::Medium => "Medium",
            Priority::Low => "Low",
        }
    }
}

impl LobbyingStatus {
    /// The words shown to people and written in exports, e.g. "In progress".
    pub fn label(self) -> &'static str {
        match self {
            LobbyingStatus::NotStarted => "Not started",
            LobbyingStatus::Planned => "Planned",
            LobbyingStatus::InProgress => "In progress",
            LobbyingStatus::Achieved => "Achieved",
            LobbyingStatus::Dropped => "Dropped",
        }
    }
}

impl ImplementationStatus {
    /// The words shown to people and written in exports, e.g. "Partially implemented".
    pub fn label(self) -> &'static str {
        match self {
            ImplementationStatus::NotAssessed => "Not assessed",
            ImplementationStatus::NotImplemented => "Not implemented",
            ImplementationStatus::PartiallyImplemented => "Partially implemented",
            ImplementationStatus::FullyImplemented => "Fully implemented",
        }
    }
}
