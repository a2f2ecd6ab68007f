//! Every entry of the section tables, written out here (not read from the tables), so that an
//! entry dropped or misspelt there fails a test.

use super::*;

#[test]
fn every_background_heading_starts_the_background_and_only_background_is_consumed() {
    assert_eq!(background_heading("Background"), Some(true));
    for heading in [
        "Background information",
        "Notes to editors",
        "Note to editors",
        "Notes for editors",
        "Note for editors",
        "Notes to the editor",
        "Editor's note",
        "Editors' note",
        "Editor's notes",
        "Editors' notes",
        "Editors note",
        "Editors notes",
        "Notes",
        "Further background",
        "Additional information",
        "Fact sheet",
        "Key facts",
    ] {
        for written in [
            heading.to_owned(),
            format!("{}:", heading.to_uppercase()),
            format!("## {heading}"),
        ] {
            assert_eq!(background_heading(&written), Some(false), "{written}");
        }
    }
}

#[test]
fn every_contact_heading_opens_the_contact_block() {
    for heading in [
        "Contact",
        "Contacts",
        "Media contact",
        "Media contacts",
        "Press contact",
        "Press contacts",
        "Contact information",
        "Contact details",
        "Media enquiries",
        "Media inquiries",
        "Press enquiries",
        "Press inquiries",
        "Media enquiries only",
        "Press office",
        "Media office",
        "Press officer",
        "News desk",
        "Newsdesk",
        "Media relations",
        "Media relations contact",
        "Investor contact",
        "Investor relations",
        "For further information",
        "For more information",
        "For further details",
        "For media enquiries",
        "For media inquiries",
        "For media requests",
        "For press enquiries",
        "For press inquiries",
        "For interviews",
        "For interview requests",
        "To arrange an interview",
        "Journalists can contact",
    ] {
        for written in [
            heading.to_owned(),
            format!("{heading}:"),
            format!("**{}**", heading.to_uppercase()),
        ] {
            assert!(contact_heading(&written), "{written}");
        }
    }
}

#[test]
fn every_contact_label_makes_a_contact_line() {
    for label in [
        "Tel",
        "Tel.",
        "Telephone",
        "Phone",
        "Mobile",
        "Mob",
        "Cell",
        "Fax",
        "Email",
        "E-mail",
        "Web",
        "Website",
        "Twitter",
        "WhatsApp",
        "Signal",
        "Out of hours",
    ] {
        let line = format!("{label}: Jane Doe");
        assert!(is_contact_line(&line), "{line}");
    }
}

#[test]
fn every_end_mark_ends_the_release() {
    for mark in [
        "###",
        "# # #",
        "####",
        "-END-",
        "-ENDS-",
        "--ends--",
        "– END –",
        "—ENDS—",
        "END",
        "Ends.",
        "-30-",
        "- 30 -",
        "***",
    ] {
        assert!(is_end_mark(mark), "{mark}");
    }
    for line in ["##", "**", "-3-", "Endless", "30"] {
        assert!(!is_end_mark(line), "{line}");
    }
}
