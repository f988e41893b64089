//! Advocacy: the organization's statements to the Human Rights Council (oral, at a review's
//! adoption or another debate; written), and its lobbying of the States that made the
//! recommendations.
//!
//! - [`words`]: word counting (English, French, Spanish, Arabic) and a statement's budget: speaking
//!   time against the time limit, words against the written-statement limit;
//! - [`workflow`]: the statuses a statement goes through and the moves allowed between them;
//! - [`diff`]: word-level differences between two versions, shown side by side;
//! - [`lobbying`]: the ranking of recommending States ("who to meet first").
//!
//! The store keeps statements, their versions, contacts, meetings and each State's lobbying
//! status: see `store::statements` and `store::lobbying`.

use serde::{Deserialize, Serialize};

use crate::calendar::{Deadline, LinkedRecommendation, NewDeadline};
use crate::domain::{LobbyingStatus, Position, Priority};

pub mod diff;
pub mod lobbying;
pub mod words;
pub mod workflow;

/// Words a minute assumed for speaking time, unless the statement or speaker says otherwise
/// (`../shared/docs/UPR.md`: 120-140 for statements interpreters must follow; unconfirmed).
pub const DEFAULT_WORDS_PER_MINUTE: u32 = 130;
/// An NGO's speaking time at a UPR adoption, unless the session says otherwise (2:00; unconfirmed).
pub const DEFAULT_TIME_LIMIT_SECONDS: u32 = 120;

string_enum! {
    /// Oral or written.
    StatementKind {
        /// Delivered in the room (e.g. at the adoption of a review's outcome, item 6).
        Oral = "oral",
        /// An HRC written statement.
        Written = "written",
    }
}

string_enum! {
    /// The delivering organization's consultative status with ECOSOC.
    EcosocStatus {
        /// General consultative status (written statements up to 2,000 words).
        General = "general",
        /// Special consultative status (1,500 words).
        Special = "special",
        /// On the Roster (1,500 words).
        Roster = "roster",
        /// No status: an accredited organization must deliver or sponsor the statement.
        None = "none",
    }
}

impl EcosocStatus {
    /// The written-statement word limit for this status (`None` for no status: it cannot submit).
    pub fn written_word_limit(self) -> Option<usize> {
        match self {
            EcosocStatus::General => Some(2_000),
            EcosocStatus::Special | EcosocStatus::Roster => Some(1_500),
            EcosocStatus::None => None,
        }
    }
}

string_enum! {
    /// Where a statement stands.
    StatementStatus {
        /// An idea.
        Idea = "idea",
        /// Being written.
        Drafting = "drafting",
        /// Agreed, ready.
        Final = "final",
        /// On the speakers list (oral) or submitted (written).
        Registered = "registered",
        /// Delivered (oral) or published (written).
        Delivered = "delivered",
        /// The organization was not called (the list ran out of time) or the statement was not
        /// published.
        NotCalled = "not_called",
    }
}

/// What a statement's length means against its limits. JSON for the app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Budget {
    /// Words in the text.
    pub words: usize,
    /// Estimated speaking time at the statement's rate, in seconds (oral).
    pub speaking_seconds: f64,
    /// The time limit, in seconds (oral), else `None`.
    pub time_limit_seconds: Option<u32>,
    /// The most words that fit the limit: the time limit at the rate (oral), or the written
    /// limit for the delivering organization's status (written; `None` without status).
    pub word_limit: Option<usize>,
    /// Words to cut to fit (0 when it fits).
    pub over_by_words: usize,
    /// Seconds over the time limit (oral; 0 when it fits).
    pub over_by_seconds: f64,
    /// No ECOSOC status: an accredited organization must deliver or sponsor it.
    pub needs_sponsor: bool,
}

/// The review's dates that matter for a statement (from its calendar).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementDates {
    /// Online registration for the speakers list opens (`YYYY-MM-DD`).
    pub speakers_list_opens: Option<String>,
    /// Written statements are due (`YYYY-MM-DD`).
    pub written_statement_due: Option<String>,
    /// The adoption (`YYYY-MM-DD`).
    pub adoption: Option<String>,
}

/// A statement as stored, with its budget and dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Database id.
    pub id: i64,
    /// Oral or written.
    pub kind: StatementKind,
    /// Its title.
    pub title: String,
    /// The Council session (e.g. 46), if known.
    pub hrc_session: Option<u32>,
    /// The review whose adoption it is for, if any.
    pub review_id: Option<i64>,
    /// The debate, for a statement not at a review's adoption (e.g. "Item 4 general debate").
    pub debate: String,
    /// The delivering organization.
    pub organization: String,
    /// Its ECOSOC status.
    pub ecosoc_status: EcosocStatus,
    /// Co-signing organizations.
    pub co_signers: Vec<String>,
    /// Who speaks.
    pub speaker: String,
    /// Speaking rate for the estimate.
    pub words_per_minute: u32,
    /// Time limit in seconds (oral).
    pub time_limit_seconds: u32,
    /// The text.
    pub text: String,
    /// Where it stands.
    pub status: StatementStatus,
    /// Linked recommendations.
    pub recommendations: Vec<LinkedRecommendation>,
    /// The deadline made when it was registered (the reminder), if any.
    pub deadline: Option<Deadline>,
    /// Its length against its limits.
    pub budget: Budget,
    /// The review's dates that matter for it.
    pub dates: StatementDates,
    /// Created, RFC 3339.
    pub created_at: String,
    /// Last changed, RFC 3339.
    pub updated_at: String,
}

/// A statement to create, or the new content of one (the status changes through
/// `Store::set_statement_status`, which keeps a version).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewStatement {
    /// Oral or written.
    pub kind: StatementKind,
    /// Its title (1-200 characters).
    pub title: String,
    /// The Council session.
    #[serde(default)]
    pub hrc_session: Option<u32>,
    /// The review.
    #[serde(default)]
    pub review_id: Option<i64>,
    /// The debate, when not a review's adoption.
    #[serde(default)]
    pub debate: String,
    /// The delivering organization.
    #[serde(default)]
    pub organization: String,
    /// Its ECOSOC status.
    pub ecosoc_status: EcosocStatus,
    /// Co-signing organizations.
    #[serde(default)]
    pub co_signers: Vec<String>,
    /// Who speaks.
    #[serde(default)]
    pub speaker: String,
    /// Speaking rate (60-250 words a minute).
    #[serde(default = "default_rate")]
    pub words_per_minute: u32,
    /// Time limit in seconds (15-1,200).
    #[serde(default = "default_limit")]
    pub time_limit_seconds: u32,
    /// The text.
    #[serde(default)]
    pub text: String,
    /// Recommendations to link (ids).
    #[serde(default)]
    pub recommendation_ids: Vec<i64>,
}

fn default_rate() -> u32 {
    DEFAULT_WORDS_PER_MINUTE
}

fn default_limit() -> u32 {
    DEFAULT_TIME_LIMIT_SECONDS
}

/// A list entry of the statements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementSummary {
    /// Database id.
    pub id: i64,
    /// Oral or written.
    pub kind: StatementKind,
    /// Title.
    pub title: String,
    /// Its review, if any.
    pub review_id: Option<i64>,
    /// The Council session.
    pub hrc_session: Option<u32>,
    /// Where it stands.
    pub status: StatementStatus,
    /// Its length against its limits.
    pub budget: Budget,
    /// Last changed, RFC 3339.
    pub updated_at: String,
}

/// A snapshot of a statement: at every status change and on demand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementVersion {
    /// Database id.
    pub id: i64,
    /// Its statement.
    pub statement_id: i64,
    /// When, RFC 3339.
    pub at: String,
    /// Who (the history's user name).
    pub who: String,
    /// Why it was taken, in words ("Drafting → Final", "Saved by hand: before the call").
    pub label: String,
    /// The status at the time.
    pub status: StatementStatus,
    /// The title at the time.
    pub title: String,
    /// The text at the time.
    pub text: String,
    /// Its word count.
    pub words: usize,
}

/// One piece of a word-level difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    /// In both.
    Same,
    /// Only in the older (left) version.
    Removed,
    /// Only in the newer (right) version.
    Added,
}

/// A run of text with what happened to it (whitespace kept, so that joining the runs of the
/// left side gives the left text back, and likewise on the right).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffPart {
    /// Same, removed or added.
    pub kind: DiffKind,
    /// The text.
    pub text: String,
}

/// The difference between two versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionDiff {
    /// The older version.
    pub left: StatementVersion,
    /// The newer version (or the current text as an unsaved version with id 0).
    pub right: StatementVersion,
    /// The runs, in order.
    pub parts: Vec<DiffPart>,
    /// Words added.
    pub added_words: usize,
    /// Words removed.
    pub removed_words: usize,
}

string_enum! {
    /// Where the organization's lobbying of one recommending State stands.
    StateLobbyingStatus {
        /// Not contacted yet.
        NotContacted = "not_contacted",
        /// A meeting is planned.
        Planned = "planned",
        /// Met.
        Met = "met",
        /// Waiting for its follow-up.
        FollowUp = "follow_up",
        /// It supports our asks.
        Supportive = "supportive",
        /// No answer, or it declined.
        Unresponsive = "unresponsive",
    }
}

impl StateLobbyingStatus {
    /// The words shown to people and written in exports, e.g. "Follow-up".
    pub fn label(self) -> &'static str {
        match self {
            StateLobbyingStatus::NotContacted => "Not contacted",
            StateLobbyingStatus::Planned => "Planned",
            StateLobbyingStatus::Met => "Met",
            StateLobbyingStatus::FollowUp => "Follow-up",
            StateLobbyingStatus::Supportive => "Supportive",
            StateLobbyingStatus::Unresponsive => "Unresponsive",
        }
    }
}

/// A recommending State as the lobbying pages name it: by ISO code when known, else by the name
/// as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StateKey {
    /// ISO 3166 alpha-3, when known.
    pub iso3: Option<String>,
    /// Canonical name when known, else as written.
    pub name: String,
}

/// A recommendation on a State's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StateRecommendation {
    /// Database id.
    pub id: i64,
    /// Its review.
    pub review_id: i64,
    /// The review in words ("United States of America, WG 36").
    pub review: String,
    /// Paragraph number.
    pub paragraph: String,
    /// Text.
    pub text: String,
    /// The State under review's position.
    pub position: Position,
    /// Our priority.
    pub priority: Option<Priority>,
    /// Our ask.
    pub our_ask: String,
    /// Our lobbying status on the recommendation.
    pub lobbying_status: LobbyingStatus,
}

/// A contact at a State's Geneva mission or in its capital (kept only on this machine).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    /// Database id.
    pub id: i64,
    /// The State.
    pub state: StateKey,
    /// Name.
    pub name: String,
    /// Role ("First Secretary, human rights").
    pub role: String,
    /// `mission` (Geneva) or `capital`.
    pub place: ContactPlace,
    /// E-mail.
    pub email: String,
    /// Phone.
    pub phone: String,
    /// Notes.
    pub notes: String,
}

string_enum! {
    /// Where a contact works.
    ContactPlace {
        /// The State's permanent mission in Geneva.
        Mission = "mission",
        /// The capital (a ministry).
        Capital = "capital",
    }
}

/// A contact to create or update.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewContact {
    /// The State.
    pub state: StateKey,
    /// Name (1-200 characters).
    pub name: String,
    /// Role.
    #[serde(default)]
    pub role: String,
    /// Mission or capital.
    pub place: ContactPlace,
    /// E-mail.
    #[serde(default)]
    pub email: String,
    /// Phone.
    #[serde(default)]
    pub phone: String,
    /// Notes.
    #[serde(default)]
    pub notes: String,
}

/// A meeting or contact with a State, logged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    /// Database id.
    pub id: i64,
    /// The State.
    pub state: StateKey,
    /// The review it was about, if any.
    pub review_id: Option<i64>,
    /// When, `YYYY-MM-DD`.
    pub date: String,
    /// Who we met.
    pub who: String,
    /// What we asked.
    pub asked: String,
    /// What came of it.
    pub outcome: String,
    /// The follow-up deadline (in the calendar), if any.
    pub follow_up: Option<Deadline>,
    /// Linked recommendations.
    pub recommendations: Vec<LinkedRecommendation>,
}

/// A meeting to log or update.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewMeeting {
    /// The State.
    pub state: StateKey,
    /// The review it was about.
    #[serde(default)]
    pub review_id: Option<i64>,
    /// When, `YYYY-MM-DD`.
    pub date: String,
    /// Who we met.
    #[serde(default)]
    pub who: String,
    /// What we asked.
    #[serde(default)]
    pub asked: String,
    /// What came of it.
    #[serde(default)]
    pub outcome: String,
    /// A follow-up deadline to put in the calendar (created or replaced with the meeting).
    #[serde(default)]
    pub follow_up: Option<NewDeadline>,
    /// Recommendations discussed (ids).
    #[serde(default)]
    pub recommendation_ids: Vec<i64>,
}

/// A recommending State's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatePage {
    /// The State.
    pub state: StateKey,
    /// Its UN regional group code, when known.
    pub regional_group: Option<String>,
    /// Its recommendations in the chosen review.
    pub in_review: Vec<StateRecommendation>,
    /// Its recommendations in the other reviews in the database (of the same State under review
    /// first, then the rest), newest review first.
    pub elsewhere: Vec<StateRecommendation>,
    /// Contacts.
    pub contacts: Vec<Contact>,
    /// Meetings, newest first.
    pub meetings: Vec<Meeting>,
    /// Our lobbying status with this State.
    pub status: StateLobbyingStatus,
    /// Notes on the State.
    pub notes: String,
}

/// A State in the "who to meet first" list of a review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StateRank {
    /// The State.
    pub state: StateKey,
    /// Its recommendations in the review.
    pub recommendations: usize,
    /// Those the organization gave a priority, by priority.
    pub high: usize,
    /// Medium priority.
    pub medium: usize,
    /// Low priority.
    pub low: usize,
    /// Of its prioritised recommendations, how many the State under review has not taken a
    /// position on yet (where lobbying can still change the outcome).
    pub pending: usize,
    /// … has noted (to raise again).
    pub noted: usize,
    /// … has supported (to follow up on implementation).
    pub supported: usize,
    /// Our lobbying status with the State.
    pub status: StateLobbyingStatus,
    /// The ranking's score (higher first), explained in `why`.
    pub score: f64,
    /// Why it ranks there, in words.
    pub why: String,
}
