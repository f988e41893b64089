//! The sessions of the UPR Working Group and of the Human Rights Council, as tables of public facts.
//!
//! The Working Group's sessions (number → dates) decide a review's period when a source gives only
//! the session number (UPR Info and UHRI exports). The 1st cycle did not keep today's months
//! (sessions in April, December, a second one in May 2008), and session 36 moved from May to
//! November 2020 (COVID-19), so the table, not a formula, decides; [`wg_session`] has every session
//! from the first (April 2008) to the latest scheduled.
//!
//! The Council's regular sessions (number → dates) place the adoption and the deadlines before it.
//! Their exact days vary each year: the table holds Docket's dates, and the user corrects them in
//! Settings ([`HrcSessions`] merges the corrections). A session beyond the table gets the usual
//! months and is marked estimated.
//!
//! Sources: OHCHR, "UPR sessions" (session pages, dates of each Working Group session) and
//! "Human Rights Council sessions" (regular sessions, dates); HRC resolution 16/21 and decision
//! 17/119 (three Working Group sessions a year from the 2nd cycle).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};

use super::HrcSessionDates;

/// One session of the UPR Working Group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WgSession {
    /// Session number (1 = April 2008).
    pub number: u32,
    /// First day.
    pub opens: NaiveDate,
    /// Last day.
    pub closes: NaiveDate,
    /// The Council session that adopted its outcomes, where it differs from the rule (WG sessions
    /// 1 and 2 were both adopted at HRC8 in June 2008).
    pub adoption_exception: Option<u32>,
}

/// `(number, opens, closes, adoption exception)`; dates as `(year, month, day)`.
type WgRow = (u32, (i32, u32, u32), (i32, u32, u32), Option<u32>);

/// Every Working Group session, 1st cycle to the latest scheduled (4th cycle ends with WG 54).
const WG_SESSIONS: &[WgRow] = &[
    // 1st cycle, 2008-2011: 16 States a session, months not yet fixed.
    (1, (2008, 4, 7), (2008, 4, 18), Some(8)),
    (2, (2008, 5, 5), (2008, 5, 19), Some(8)),
    (3, (2008, 12, 1), (2008, 12, 15), None),
    (4, (2009, 2, 2), (2009, 2, 13), None),
    (5, (2009, 5, 4), (2009, 5, 15), None),
    (6, (2009, 11, 30), (2009, 12, 11), None),
    (7, (2010, 2, 8), (2010, 2, 19), None),
    (8, (2010, 5, 3), (2010, 5, 14), None),
    (9, (2010, 11, 1), (2010, 11, 12), None),
    (10, (2011, 1, 24), (2011, 2, 4), None),
    (11, (2011, 5, 2), (2011, 5, 13), None),
    (12, (2011, 10, 3), (2011, 10, 14), None),
    // 2nd cycle, 2012-2016: 14 States a session, January/February, April/May, October/November.
    (13, (2012, 5, 21), (2012, 6, 4), None),
    (14, (2012, 10, 22), (2012, 11, 5), None),
    (15, (2013, 1, 21), (2013, 2, 1), None),
    (16, (2013, 4, 22), (2013, 5, 3), None),
    (17, (2013, 10, 21), (2013, 11, 1), None),
    (18, (2014, 1, 27), (2014, 2, 7), None),
    (19, (2014, 4, 28), (2014, 5, 9), None),
    (20, (2014, 10, 27), (2014, 11, 7), None),
    (21, (2015, 1, 19), (2015, 1, 30), None),
    (22, (2015, 5, 4), (2015, 5, 15), None),
    (23, (2015, 11, 2), (2015, 11, 13), None),
    (24, (2016, 1, 18), (2016, 1, 29), None),
    (25, (2016, 5, 2), (2016, 5, 13), None),
    (26, (2016, 10, 31), (2016, 11, 11), None),
    // 3rd cycle, 2017-2022.
    (27, (2017, 5, 1), (2017, 5, 12), None),
    (28, (2017, 11, 6), (2017, 11, 17), None),
    (29, (2018, 1, 15), (2018, 1, 26), None),
    (30, (2018, 5, 7), (2018, 5, 18), None),
    (31, (2018, 11, 5), (2018, 11, 16), None),
    (32, (2019, 1, 21), (2019, 2, 1), None),
    (33, (2019, 5, 6), (2019, 5, 17), None),
    (34, (2019, 11, 4), (2019, 11, 15), None),
    (35, (2020, 1, 20), (2020, 1, 31), None),
    // Postponed from May 2020 (COVID-19).
    (36, (2020, 11, 2), (2020, 11, 13), None),
    (37, (2021, 1, 18), (2021, 1, 29), None),
    (38, (2021, 5, 3), (2021, 5, 14), None),
    (39, (2021, 11, 1), (2021, 11, 12), None),
    (40, (2022, 1, 24), (2022, 2, 4), None),
    // 4th cycle, 2022-2027.
    (41, (2022, 11, 7), (2022, 11, 18), None),
    (42, (2023, 1, 23), (2023, 2, 3), None),
    (43, (2023, 5, 1), (2023, 5, 12), None),
    (44, (2023, 11, 6), (2023, 11, 17), None),
    (45, (2024, 1, 22), (2024, 2, 2), None),
    (46, (2024, 4, 29), (2024, 5, 10), None),
    (47, (2024, 11, 4), (2024, 11, 15), None),
    (48, (2025, 1, 20), (2025, 1, 31), None),
    (49, (2025, 4, 28), (2025, 5, 9), None),
    (50, (2025, 11, 3), (2025, 11, 14), None),
    (51, (2026, 1, 19), (2026, 1, 30), None),
    (52, (2026, 5, 4), (2026, 5, 15), None),
    (53, (2026, 11, 2), (2026, 11, 13), None),
    (54, (2027, 1, 25), (2027, 2, 5), None),
];

/// `(number, opens, closes)` of the Council's regular sessions; dates as `(year, month, day)`.
type HrcRow = (u32, (i32, u32, u32), (i32, u32, u32));

/// The Council's regular sessions. Sessions 1-3 (2006) do not follow the yearly pattern; from
/// session 4 (March 2007) there are three a year: March (about late February to early April), June
/// (mid June to mid July) and September (mid September to early October).
const HRC_SESSIONS: &[HrcRow] = &[
    (1, (2006, 6, 19), (2006, 6, 30)),
    (2, (2006, 9, 18), (2006, 10, 6)),
    (3, (2006, 11, 29), (2006, 12, 8)),
    (4, (2007, 3, 12), (2007, 3, 30)),
    (5, (2007, 6, 11), (2007, 6, 18)),
    (6, (2007, 9, 10), (2007, 9, 28)),
    (7, (2008, 3, 3), (2008, 3, 28)),
    (8, (2008, 6, 2), (2008, 6, 18)),
    (9, (2008, 9, 8), (2008, 9, 24)),
    (10, (2009, 3, 2), (2009, 3, 27)),
    (11, (2009, 6, 2), (2009, 6, 18)),
    (12, (2009, 9, 14), (2009, 10, 2)),
    (13, (2010, 3, 1), (2010, 3, 26)),
    (14, (2010, 5, 31), (2010, 6, 18)),
    (15, (2010, 9, 13), (2010, 10, 1)),
    (16, (2011, 2, 28), (2011, 3, 25)),
    (17, (2011, 5, 30), (2011, 6, 17)),
    (18, (2011, 9, 12), (2011, 9, 30)),
    (19, (2012, 2, 27), (2012, 3, 23)),
    (20, (2012, 6, 18), (2012, 7, 6)),
    (21, (2012, 9, 10), (2012, 9, 28)),
    (22, (2013, 2, 25), (2013, 3, 22)),
    (23, (2013, 5, 27), (2013, 6, 14)),
    (24, (2013, 9, 9), (2013, 9, 27)),
    (25, (2014, 3, 3), (2014, 3, 28)),
    (26, (2014, 6, 10), (2014, 6, 27)),
    (27, (2014, 9, 8), (2014, 9, 26)),
    (28, (2015, 3, 2), (2015, 3, 27)),
    (29, (2015, 6, 15), (2015, 7, 3)),
    (30, (2015, 9, 14), (2015, 10, 2)),
    (31, (2016, 2, 29), (2016, 3, 24)),
    (32, (2016, 6, 13), (2016, 7, 1)),
    (33, (2016, 9, 13), (2016, 9, 30)),
    (34, (2017, 2, 27), (2017, 3, 24)),
    (35, (2017, 6, 6), (2017, 6, 23)),
    (36, (2017, 9, 11), (2017, 9, 29)),
    (37, (2018, 2, 26), (2018, 3, 23)),
    (38, (2018, 6, 18), (2018, 7, 6)),
    (39, (2018, 9, 10), (2018, 9, 28)),
    (40, (2019, 2, 25), (2019, 3, 22)),
    (41, (2019, 6, 24), (2019, 7, 12)),
    (42, (2019, 9, 9), (2019, 9, 27)),
    (43, (2020, 2, 24), (2020, 6, 22)),
    (44, (2020, 6, 30), (2020, 7, 17)),
    (45, (2020, 9, 14), (2020, 10, 7)),
    (46, (2021, 2, 22), (2021, 3, 24)),
    (47, (2021, 6, 21), (2021, 7, 14)),
    (48, (2021, 9, 13), (2021, 10, 11)),
    (49, (2022, 2, 28), (2022, 4, 1)),
    (50, (2022, 6, 13), (2022, 7, 8)),
    (51, (2022, 9, 12), (2022, 10, 7)),
    (52, (2023, 2, 27), (2023, 4, 4)),
    (53, (2023, 6, 19), (2023, 7, 14)),
    (54, (2023, 9, 11), (2023, 10, 13)),
    (55, (2024, 2, 26), (2024, 4, 5)),
    (56, (2024, 6, 18), (2024, 7, 12)),
    (57, (2024, 9, 9), (2024, 10, 11)),
    (58, (2025, 2, 24), (2025, 4, 4)),
    (59, (2025, 6, 16), (2025, 7, 9)),
    (60, (2025, 9, 8), (2025, 10, 8)),
    (61, (2026, 2, 23), (2026, 4, 2)),
    (62, (2026, 6, 15), (2026, 7, 10)),
    (63, (2026, 9, 14), (2026, 10, 9)),
];

fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    // The tables are constants checked by a test: an impossible date would be a typo there.
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn wg_from_row(&(number, opens, closes, adoption_exception): &WgRow) -> WgSession {
    WgSession {
        number,
        opens: date(opens),
        closes: date(closes),
        adoption_exception,
    }
}

/// Every Working Group session in the table, in order.
pub fn wg_sessions() -> impl Iterator<Item = WgSession> {
    WG_SESSIONS.iter().map(wg_from_row)
}

/// The Working Group session with this number, if it is in the table.
pub fn wg_session(number: u32) -> Option<WgSession> {
    WG_SESSIONS
        .iter()
        .find(|row| row.0 == number)
        .map(wg_from_row)
}

/// The Working Group session held on this day, or the one nearest to it within three weeks (a
/// review's date as a source writes it may be the report's adoption a few days after the session).
pub fn wg_session_on(day: NaiveDate) -> Option<WgSession> {
    wg_sessions()
        .map(|s| (distance(day, s.opens, s.closes), s))
        .filter(|(d, _)| *d <= 21)
        .min_by_key(|(d, _)| *d)
        .map(|(_, s)| s)
}

/// The Working Group session nearest to this day, however far (for the next review of a 1st-cycle
/// review), if the table reaches that far: `None` for a day more than three months after the
/// latest scheduled session.
pub fn wg_session_nearest(day: NaiveDate) -> Option<WgSession> {
    wg_sessions()
        .map(|s| (distance(day, s.opens, s.closes), s))
        .filter(|(d, _)| *d <= 92)
        .min_by_key(|(d, _)| *d)
        .map(|(_, s)| s)
}

/// Days from `day` to the period `opens..=closes` (0 inside it).
fn distance(day: NaiveDate, opens: NaiveDate, closes: NaiveDate) -> i64 {
    if day < opens {
        (opens - day).num_days()
    } else if day > closes {
        (day - closes).num_days()
    } else {
        0
    }
}

/// The number of the Council's regular session held in this month of this year's pattern: March
/// (`Month::Mar`), June or September. From 2007 on: March = 3(y - 2006) + 1, June = + 2,
/// September = + 3.
pub fn hrc_session_number(year: i32, slot: HrcSlot) -> u32 {
    let base = 3 * (year - 2006).max(1);
    (base
        + match slot {
            HrcSlot::March => 1,
            HrcSlot::June => 2,
            HrcSlot::September => 3,
        }) as u32
}

/// The three regular sessions of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HrcSlot {
    /// The main session, about late February to early April.
    March,
    /// About mid June to mid July.
    June,
    /// About mid September to early October.
    September,
}

/// The year and slot of a regular session from 4 on (`None` before).
fn hrc_slot(number: u32) -> Option<(i32, HrcSlot)> {
    if number < 4 {
        return None;
    }
    let n = number as i32 - 1;
    let year = 2006 + n / 3;
    let slot = match n % 3 {
        0 => HrcSlot::March,
        1 => HrcSlot::June,
        _ => HrcSlot::September,
    };
    Some((year, slot))
}

/// The nth weekday of a month (1-based), or its last when `n` is 0.
fn weekday_of_month(year: i32, month: u32, weekday: Weekday, n: u8) -> Option<NaiveDate> {
    if n == 0 {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
        }?;
        let mut day = next.pred_opt()?;
        while day.weekday() != weekday {
            day = day.pred_opt()?;
        }
        Some(day)
    } else {
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
    }
}

/// Usual dates of a session beyond the table: March opens on the last Monday of February for five
/// weeks, June on the third Monday of June for four weeks, September on the second Monday of
/// September for four weeks.
fn estimated_hrc(number: u32) -> Option<(NaiveDate, NaiveDate)> {
    let (year, slot) = hrc_slot(number)?;
    let (opens, weeks) = match slot {
        HrcSlot::March => (weekday_of_month(year, 2, Weekday::Mon, 0)?, 5),
        HrcSlot::June => (weekday_of_month(year, 6, Weekday::Mon, 3)?, 4),
        HrcSlot::September => (weekday_of_month(year, 9, Weekday::Mon, 2)?, 4),
    };
    // Ends on the Friday of its last week.
    let closes = opens + chrono::Duration::days(7 * weeks - 3);
    Some((opens, closes))
}

/// The Council's sessions: Docket's table with the user's corrections (Settings).
#[derive(Debug, Clone, Default)]
pub struct HrcSessions {
    corrections: BTreeMap<u32, (NaiveDate, NaiveDate)>,
}

impl HrcSessions {
    /// The table with these corrections (number → first and last day).
    pub fn new(corrections: BTreeMap<u32, (NaiveDate, NaiveDate)>) -> HrcSessions {
        HrcSessions { corrections }
    }

    /// A session's dates: corrected, else from the table, else estimated from the usual months.
    /// `None` only for a number before the Council's first session or too far to compute.
    pub fn get(&self, number: u32) -> Option<HrcSessionDates> {
        let dates = |opens: NaiveDate, closes: NaiveDate, edited, estimated| HrcSessionDates {
            number,
            opens: opens.to_string(),
            closes: closes.to_string(),
            edited,
            estimated,
        };
        if let Some(&(opens, closes)) = self.corrections.get(&number) {
            return Some(dates(opens, closes, true, false));
        }
        if let Some(&(_, opens, closes)) = HRC_SESSIONS.iter().find(|r| r.0 == number) {
            return Some(dates(date(opens), date(closes), false, false));
        }
        let (opens, closes) = estimated_hrc(number)?;
        Some(dates(opens, closes, false, true))
    }

    /// A session's first and last day, as dates.
    pub fn period(&self, number: u32) -> Option<(NaiveDate, NaiveDate, bool)> {
        let s = self.get(number)?;
        let opens = NaiveDate::parse_from_str(&s.opens, "%Y-%m-%d").ok()?;
        let closes = NaiveDate::parse_from_str(&s.closes, "%Y-%m-%d").ok()?;
        Some((opens, closes, s.estimated))
    }

    /// Every session to show in Settings: the table's, any corrected beyond it, and the three
    /// sessions after the table's last (estimated), in order.
    pub fn list(&self) -> Vec<HrcSessionDates> {
        let last_in_table = HRC_SESSIONS.last().map_or(0, |r| r.0);
        let last_corrected = self.corrections.keys().next_back().copied().unwrap_or(0);
        let last = (last_in_table + 3).max(last_corrected);
        (1..=last).filter_map(|n| self.get(n)).collect()
    }
}

/// The last number in the Council's table (later sessions are estimated).
pub fn last_hrc_in_table() -> u32 {
    HRC_SESSIONS.last().map_or(0, |r| r.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_in_order_with_real_dates() {
        let mut previous: Option<NaiveDate> = None;
        for (i, row) in WG_SESSIONS.iter().enumerate() {
            assert_eq!(row.0 as usize, i + 1, "WG sessions are numbered 1, 2, 3…");
            let s = wg_from_row(row);
            assert!(
                s.opens > NaiveDate::MIN && s.closes >= s.opens,
                "WG {}",
                s.number
            );
            assert!((s.closes - s.opens).num_days() <= 15, "WG {}", s.number);
            assert!(previous.is_none_or(|p| s.opens > p), "WG {}", s.number);
            previous = Some(s.closes);
        }
        let mut previous: Option<NaiveDate> = None;
        for (i, &(number, opens, closes)) in HRC_SESSIONS.iter().enumerate() {
            assert_eq!(number as usize, i + 1, "HRC sessions are numbered 1, 2, 3…");
            let (opens, closes) = (date(opens), date(closes));
            assert!(opens > NaiveDate::MIN && closes >= opens, "HRC {number}");
            assert!(previous.is_none_or(|p| opens > p), "HRC {number}");
            previous = Some(closes);
            if let Some((year, _)) = hrc_slot(number) {
                assert_eq!(
                    opens.year(),
                    year,
                    "HRC {number} opens in its pattern's year"
                );
            }
        }
    }

    #[test]
    fn session_numbers_follow_the_yearly_pattern() {
        assert_eq!(hrc_session_number(2011, HrcSlot::March), 16);
        assert_eq!(hrc_session_number(2021, HrcSlot::March), 46);
        assert_eq!(hrc_session_number(2025, HrcSlot::June), 59);
        assert_eq!(hrc_session_number(2008, HrcSlot::June), 8);
        assert_eq!(hrc_slot(46), Some((2021, HrcSlot::March)));
        assert_eq!(hrc_slot(60), Some((2025, HrcSlot::September)));
    }

    #[test]
    fn sessions_beyond_the_table_are_estimated_in_their_months() {
        let sessions = HrcSessions::default();
        let next = last_hrc_in_table() + 1;
        let s = sessions.get(next).map(|s| (s.opens, s.estimated));
        assert_eq!(s, Some(("2027-02-22".to_string(), true)), "HRC {next}");
        let june = sessions.get(next + 1).map(|s| s.opens);
        assert_eq!(june.as_deref(), Some("2027-06-21"));
        assert_eq!(sessions.list().len() as u32, last_hrc_in_table() + 3);
    }

    #[test]
    fn corrections_win_over_the_table() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or(NaiveDate::MIN);
        let sessions = HrcSessions::new(BTreeMap::from([(
            46,
            (day("2021-02-23"), day("2021-03-25")),
        )]));
        let s = sessions.get(46);
        assert_eq!(s.as_ref().map(|s| s.opens.as_str()), Some("2021-02-23"));
        assert_eq!(s.map(|s| s.edited), Some(true));
        assert_eq!(sessions.get(45).map(|s| s.edited), Some(false));
    }

    #[test]
    fn a_day_finds_its_working_group_session() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
        assert_eq!(wg_session_on(day(2020, 11, 9)).map(|s| s.number), Some(36));
        assert_eq!(wg_session_on(day(2010, 11, 5)).map(|s| s.number), Some(9));
        // The report adopted a few days after the session still names it.
        assert_eq!(wg_session_on(day(2025, 2, 4)).map(|s| s.number), Some(48));
        assert_eq!(wg_session_on(day(2024, 8, 1)), None);
    }
}
