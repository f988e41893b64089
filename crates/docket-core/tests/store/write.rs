//! `Store::write`, `create_review` and the user name (`store/mod.rs`).

use docket_core::domain::NewRecommendation;
use docket_core::{Error, ErrorKind, Store};

use crate::common::{count, rec, review};

#[test]
fn write_commits_on_ok() {
    let mut store = Store::open_in_memory().expect("open");
    store
        .write(|tx| {
            tx.execute("INSERT INTO setting(key, value) VALUES ('k', 'v')", [])?;
            Ok(())
        })
        .expect("write");
    assert_eq!(
        count(store.conn(), "SELECT count(*) FROM setting WHERE key = 'k'"),
        1
    );
}

#[test]
fn write_rolls_back_when_the_closure_fails() {
    let mut store = Store::open_in_memory().expect("open");
    let result: docket_core::Result<()> = store.write(|tx| {
        tx.execute("INSERT INTO setting(key, value) VALUES ('k', 'v')", [])?;
        Err(Error::InvalidInput("changed my mind".into()))
    });
    let err = result.expect_err("the closure's error is returned");
    assert_eq!(
        err.kind(),
        ErrorKind::InvalidInput,
        "the closure's own error: {err}"
    );
    assert_eq!(
        count(store.conn(), "SELECT count(*) FROM setting WHERE key = 'k'"),
        0,
        "the insert before the error was rolled back"
    );
    // The connection is usable afterwards (no transaction left open).
    store
        .write(|tx| {
            tx.execute("INSERT INTO setting(key, value) VALUES ('k2', 'v')", [])?;
            Ok(())
        })
        .expect("a later write works");
    assert_eq!(count(store.conn(), "SELECT count(*) FROM setting"), 1);
}

#[test]
fn create_review_with_a_duplicate_paragraph_creates_nothing() {
    let mut store = Store::open_in_memory().expect("open");
    let recs = [
        rec("1.1", "Ratify the Convention", &["France"], &[]),
        rec("1.2", "Abolish the death penalty", &["Italy"], &[]),
        rec("1.1", "Ratify it again", &["Spain"], &[]),
    ];
    let err = store
        .create_review(&review("Slovenia"), &recs)
        .expect_err("a paragraph twice is refused");
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    assert!(
        err.to_string().contains("1.1"),
        "names the paragraph: {err}"
    );
    let conn = store.conn();
    assert_eq!(
        count(conn, "SELECT count(*) FROM review"),
        0,
        "no review left"
    );
    assert_eq!(
        count(conn, "SELECT count(*) FROM recommendation"),
        0,
        "no recommendation left"
    );
    assert_eq!(
        count(conn, "SELECT count(*) FROM recommending_state"),
        0,
        "no State left"
    );
    assert_eq!(
        count(conn, "SELECT count(*) FROM recommendation_fts"),
        0,
        "no index row left"
    );
}

#[test]
fn create_review_refuses_empty_text_empty_state_and_bad_action_category() {
    let mut store = Store::open_in_memory().expect("open");
    let err = store
        .create_review(&review("  "), &[])
        .expect_err("no State under review");
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");

    let err = store
        .create_review(&review("Slovenia"), &[rec("1.1", "   ", &["France"], &[])])
        .expect_err("empty text");
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    assert!(
        err.to_string().contains("1.1"),
        "names the paragraph: {err}"
    );

    for bad in [0, 6] {
        let r = NewRecommendation {
            action_category: Some(bad),
            ..rec("1.1", "Ratify", &["France"], &[])
        };
        let err = store
            .create_review(&review("Slovenia"), &[r])
            .expect_err("action category out of range");
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "category {bad}: {err}");
    }
    assert_eq!(
        count(store.conn(), "SELECT count(*) FROM review"),
        0,
        "nothing was created"
    );
}

#[test]
fn create_review_stores_canonical_names_and_keeps_unknown_ones() {
    let mut store = Store::open_in_memory().expect("open");
    let id = store
        .create_review(
            &review("Turkey"),
            &[rec(
                "1.1",
                "Ratify",
                &[" Czech Republic ", "ACT Group", "", "Cote d'Ivoire"],
                &["Theme", " ", "Theme"],
            )],
        )
        .expect("create");
    let summary = store.review(id).expect("review");
    assert_eq!(
        summary.state_under_review, "Türkiye",
        "canonical State under review"
    );
    assert_eq!(summary.sur_iso3.as_deref(), Some("TUR"));
    let d = store
        .recommendation(store.recommendation_id(id, "1.1").expect("id"))
        .expect("detail");
    let states: Vec<_> = d
        .recommending_states
        .iter()
        .map(|s| {
            (
                s.name.as_str(),
                s.iso3.as_deref(),
                s.regional_group.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        states,
        vec![
            ("Czechia", Some("CZE"), Some("EEG")),
            ("ACT Group", None, None),
            ("Côte d’Ivoire", Some("CIV"), Some("African")),
        ],
        "known names made canonical, unknown kept as written, blanks dropped, order kept"
    );
    let written: Vec<String> = {
        let mut st = store
            .conn()
            .prepare("SELECT name_as_written FROM recommending_state ORDER BY ord")
            .expect("prepare");
        st.query_map([], |r| r.get(0))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("rows")
    };
    assert_eq!(
        written,
        vec!["Czech Republic", "ACT Group", "Cote d'Ivoire"],
        "the names as written are kept (trimmed)"
    );
    assert_eq!(
        d.themes,
        vec!["Theme"],
        "blank and repeated themes collapse"
    );
}

/// The OS account name as the store documents it: `USER`, `USERNAME`, `LOGNAME`, else "me".
fn expected_os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "me".to_string())
}

#[test]
fn user_name_falls_back_to_the_os_user() {
    let mut store = Store::open_in_memory().expect("open");
    assert_eq!(
        store.user_name().expect("user name"),
        expected_os_user(),
        "no name set: the OS account's"
    );
    assert_eq!(
        docket_core::store::os_user_name(),
        expected_os_user(),
        "the public fallback agrees"
    );
    // A blank name (written by an older build or by hand) also falls back.
    store
        .write(|tx| {
            tx.execute(
                "INSERT INTO setting(key, value) VALUES ('user_name', '  ')",
                [],
            )?;
            Ok(())
        })
        .expect("store a blank name");
    assert_eq!(store.user_name().expect("user name"), expected_os_user());
}

#[test]
fn set_user_name_validates_and_is_then_used() {
    let mut store = Store::open_in_memory().expect("open");
    for bad in ["", "   ", &"x".repeat(101)] {
        let err = store.set_user_name(bad).expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{bad:?}: {err}");
    }
    assert_eq!(
        store.user_name().expect("user name"),
        expected_os_user(),
        "a refused name is not stored"
    );
    store.set_user_name("  Ana Pérez ").expect("set");
    assert_eq!(
        store.user_name().expect("user name"),
        "Ana Pérez",
        "trimmed and used"
    );
    store.set_user_name("Bea").expect("change");
    assert_eq!(
        store.user_name().expect("user name"),
        "Bea",
        "replaced, not duplicated"
    );
    assert_eq!(count(store.conn(), "SELECT count(*) FROM setting"), 1);
}
