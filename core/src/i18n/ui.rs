//! Every text of the sidebar's UI, in English and German.
//!
//! Plain texts are `Msg` variants; `en` and `de` each match every variant, so a variant without a
//! German text does not compile. Texts that take a number or a name are the functions below the enum.
//! Sell's own data (record names, Sell's validation messages) is shown as Sell sends it.

use super::Locale;
use crate::sell::unreadable::Unreadable;

/// Declares `Msg` and `Msg::ALL` from one list, so the tests can walk every text without a list that
/// could fall out of step with the enum.
macro_rules! messages {
    ($($variant:ident),* $(,)?) => {
        /// A fixed text of the UI.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($variant),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$variant),*];
        }
    };
}

messages! {
    AppTitle,
    Loading,
    Refresh,
    Retry,
    Close,
    Cancel,
    Back,
    Yes,
    No,
    // States of the sidebar.
    NotInZendeskTitle,
    NotInZendeskBody,
    NoSellAccessTitle,
    NoSellAccessBody,
    InactiveSellUserTitle,
    InactiveSellUserBody,
    AccessRefusedTitle,
    NotConfiguredTitle,
    NoRequesterEmail,
    NothingFoundTitle,
    NothingFoundBody,
    NamesMissing,
    ManualSearchLabel,
    ManualSearchPlaceholder,
    Search,
    SearchNoResults,
    SeveralMatchesTitle,
    SeveralMatchesBody,
    BackToMatches,
    FailedTitle,
    RateLimitedTitle,
    // Cards.
    CardLead,
    CardContact,
    CardOrganization,
    CardDeal,
    NoDeals,
    OpenInSell,
    DealWon,
    DealLost,
    DealHot,
    // Field labels, one per `policy::fields::FieldKey`.
    FieldName,
    FieldFirstName,
    FieldLastName,
    FieldOrganization,
    FieldStatus,
    FieldSource,
    FieldOwner,
    FieldEmail,
    FieldPhone,
    FieldMobile,
    FieldTags,
    FieldCreatedAt,
    FieldUpdatedAt,
    FieldTitle,
    FieldAddress,
    FieldValue,
    FieldStage,
    FieldEstimatedCloseDate,
    FieldLastActivity,
    FieldWebsite,
    FieldDescription,
    FieldHot,
    // Create-lead form.
    CreateLead,
    CreateLeadTitle,
    FormFirstName,
    FormLastName,
    FormOrganization,
    FormEmail,
    FormPhone,
    FormDescription,
    FormOwner,
    FormRequired,
    FormSubmit,
    FormSubmitting,
    FormNeedsLastNameOrOrganization,
    FormEmailInvalid,
    FormOwnerRequired,
    FormTooLong,
    LeadNotCreated,
    DuplicateLeadWarning,
    DuplicateContactWarning,
    OwnerGoesToYou,
    // Owner combobox.
    OwnerPlaceholder,
    OwnerPeople,
    OwnerPools,
    OwnerPoolBadge,
    OwnerNoMatches,
    // Admin settings helper.
    AdminSettingsTitle,
    AdminOnlyNotice,
    AdminSellUsers,
    AdminDistributionPools,
    AdminLeadStatuses,
    AdminLeadSources,
    AdminCopy,
    AdminCopied,
    AdminInactive,
    // Errors from Sell (see `sell::error::SellError::message`).
    ErrUnauthorized,
    ErrForbidden,
    ErrNotFound,
    ErrValidation,
    ErrTimeout,
    ErrNetwork,
    // Create-lead flow and settings helper (added with the form).
    FormMaybeCreated,
    FormFixAndRetry,
    FormCreateAnyway,
    FormCreateAnywayQuestion,
    FormDuplicatesTitle,
    FormCheckingDuplicates,
    FormStatusUnknownAgent,
    FormCannotCreateTitle,
    FormNotCreatedTitle,
    FormLoadFailedTitle,
    FormRequesterChangedTitle,
    FormStartOver,
    SettingsHelperButton,
    AdminIntro,
    AdminId,
    AdminTeam,
    AdminActive,
    AdminCopyFailed,
    AdminAccountOwner,
    AdminNothingListed,
    ZafFailedTitle,
    NoAgentEmailTitle,
    NoAgentEmailBody,
    // What the agent may not see (Sell users only).
    NoneVisibleTitle,
    NoneVisibleBody,
    DuplicateHidden,
    LeadCreatedNotVisible,
    AdminToken,
    AdminFullAccess,
    AdminFullAccessNone,
    // Loaded when the agent asks (every request counts against the account's shared budget).
    ShowOrganization,
    HideOrganization,
    OrganizationDeals,
    // Other locations: a new ticket, a user's profile, an organization.
    NoRequesterTitle,
    NoRequesterBody,
    OtherEmailsTitle,
    OrgNotFoundTitle,
    OrgNotFoundBody,
    OrgNoneVisibleBody,
    OrgSeveralTitle,
    OrgSeveralBody,
    BackToOrganizations,
    NoPeople,
}

impl Msg {
    pub fn text(self, locale: Locale) -> &'static str {
        let (bytes, ends): (&[u8], &[u16]) = match locale {
            Locale::En => (&EN_BYTES, &EN_ENDS),
            Locale::De => (&DE_BYTES, &DE_ENDS),
        };
        let i = self as usize;
        let start = if i == 0 { 0 } else { ends[i - 1] as usize };
        // Always whole texts, so always UTF-8; the check is what keeps this free of `unsafe`.
        std::str::from_utf8(&bytes[start..ends[i] as usize]).unwrap_or_default()
    }

    const fn en(self) -> &'static str {
        use Msg::*;
        match self {
            AppTitle => "Zendesk Sell",
            Loading => "Loading Sell data…",
            Refresh => "Refresh",
            Retry => "Try again",
            Close => "Close",
            Cancel => "Cancel",
            Back => "Back",
            Yes => "Yes",
            No => "No",
            NotInZendeskTitle => "Open this app from a ticket",
            NotInZendeskBody => "This is the Sell sidebar of Zendesk Support. Open a ticket in Support to see it, or run `cargo xtask demo` to try it on the local dev host.",
            NoSellAccessTitle => "No Sell access",
            NoSellAccessBody => "You need Sell access to see Sell data here. Ask your Sell admin to add you as a Sell user.",
            InactiveSellUserTitle => "Your Sell user is inactive",
            InactiveSellUserBody => "Your Sell user is deactivated, so Sell data can't be shown. Ask your Sell admin to reactivate it.",
            AccessRefusedTitle => "Sell refused the app's access",
            NotConfiguredTitle => "Sell isn't set up yet",
            NoRequesterEmail => "The requester has no email address, so Sell can't be searched automatically.",
            NothingFoundTitle => "Not in Sell yet",
            NothingFoundBody => "No lead or contact in Sell has the requester's email address.",
            NamesMissing => "Some names couldn't be read from Sell and show as numbers. Refresh to try again.",
            ManualSearchLabel => "Search Sell",
            ManualSearchPlaceholder => "Name, email or company",
            Search => "Search",
            SearchNoResults => "Nothing in Sell matches this search.",
            SeveralMatchesTitle => "Several Sell records match",
            SeveralMatchesBody => "Pick the one this ticket is about.",
            BackToMatches => "Back to all matches",
            FailedTitle => "Sell data couldn't be loaded",
            RateLimitedTitle => "Sell is busy",
            CardLead => "Lead",
            CardContact => "Contact",
            CardOrganization => "Organization",
            CardDeal => "Deal",
            NoDeals => "No deals",
            OpenInSell => "Open in Sell",
            DealWon => "Won",
            DealLost => "Lost",
            DealHot => "Hot",
            FieldName => "Name",
            FieldFirstName => "First name",
            FieldLastName => "Last name",
            FieldOrganization => "Organization",
            FieldStatus => "Status",
            FieldSource => "Source",
            FieldOwner => "Owner",
            FieldEmail => "Email",
            FieldPhone => "Phone",
            FieldMobile => "Mobile",
            FieldTags => "Tags",
            FieldCreatedAt => "Created",
            FieldUpdatedAt => "Last updated",
            FieldTitle => "Job title",
            FieldAddress => "Address",
            FieldValue => "Value",
            FieldStage => "Stage",
            FieldEstimatedCloseDate => "Expected close",
            FieldLastActivity => "Last activity",
            FieldWebsite => "Website",
            FieldDescription => "Description",
            FieldHot => "Hot deal",
            CreateLead => "Create lead",
            CreateLeadTitle => "New lead",
            FormFirstName => "First name",
            FormLastName => "Last name",
            FormOrganization => "Organization",
            FormEmail => "Email",
            FormPhone => "Phone",
            FormDescription => "Description",
            FormOwner => "Owner",
            FormRequired => "required",
            FormSubmit => "Create lead",
            FormSubmitting => "Creating lead…",
            FormNeedsLastNameOrOrganization => "Enter a last name or an organization.",
            FormEmailInvalid => "Enter an email address like name@example.com.",
            FormOwnerRequired => "Choose who owns the lead.",
            FormTooLong => "This is too long for Sell. Shorten it.",
            LeadNotCreated => "Your lead was not created. Everything you typed is still here.",
            DuplicateLeadWarning => "A lead with this email already exists.",
            DuplicateContactWarning => "A contact with this email already exists.",
            OwnerGoesToYou => "You will own this lead.",
            OwnerPlaceholder => "Type a name to search",
            OwnerPeople => "People",
            OwnerPools => "Distribution pools",
            OwnerPoolBadge => "pool",
            OwnerNoMatches => "No matches",
            AdminSettingsTitle => "Sell settings check",
            AdminOnlyNotice => "Only Zendesk admins see this.",
            AdminSellUsers => "Sell users",
            AdminDistributionPools => "Distribution pools",
            AdminLeadStatuses => "Lead statuses",
            AdminLeadSources => "Lead sources",
            AdminCopy => "Copy",
            AdminCopied => "Copied",
            AdminInactive => "inactive",
            ErrUnauthorized => "Sell didn't accept the access token: it is missing, invalid or expired. Authorize Sell again, or ask a Zendesk admin to check the app setting “Sell API token”.",
            ErrForbidden => "Your Sell permissions don't allow this. Ask your Sell admin for access.",
            ErrNotFound => "Sell couldn't find this record. It may have been deleted, or you may not be allowed to see it.",
            ErrValidation => "Sell didn't accept the data.",
            ErrTimeout => "Sell took too long to answer. Try again.",
            ErrNetwork => "Sell couldn't be reached. Check your connection and try again.",
            FormMaybeCreated => "Sell didn't answer in time, so the lead may have been created anyway. Check Sell before you try again; everything you typed is still here.",
            FormFixAndRetry => "Sell didn't accept some values. Fix the marked fields and create the lead again.",
            FormCreateAnyway => "Create anyway",
            FormCreateAnywayQuestion => "Create anyway?",
            FormDuplicatesTitle => "Already in Sell",
            FormCheckingDuplicates => "Checking Sell for this email…",
            FormStatusUnknownAgent => "The lead status set up for new leads doesn't exist in Sell, so leads can't be created. Ask your Zendesk admin.",
            FormCannotCreateTitle => "Leads can't be created yet",
            FormNotCreatedTitle => "Lead not created",
            FormLoadFailedTitle => "The lead form couldn't be prepared",
            FormRequesterChangedTitle => "The requester changed",
            FormStartOver => "Start over",
            SettingsHelperButton => "Settings helper",
            AdminIntro => "Values as Sell has them: copy them exactly into the app settings.",
            AdminId => "ID",
            AdminTeam => "Team",
            AdminActive => "active",
            AdminCopyFailed => "Copying didn't work. Select the value and copy it yourself.",
            AdminAccountOwner => "Account owner",
            AdminNothingListed => "Sell lists none.",
            ZafFailedTitle => "Zendesk didn't answer the app",
            NoAgentEmailTitle => "Your Zendesk profile has no email",
            NoAgentEmailBody => "Sell users are matched by email. Ask your Zendesk admin to add an email address to your profile.",
            NoneVisibleTitle => "Not among your Sell records",
            NoneVisibleBody => "Sell has a lead or contact with the requester's email address, but no lead or contact you can see. Ask a Sell manager before creating another.",
            DuplicateHidden => "A lead or contact with this email address already exists in Sell, among records you can't see.",
            LeadCreatedNotVisible => "It went to its owner, whose records you can't see, so it isn't shown here.",
            AdminToken => "Sell API token",
            AdminFullAccess => "Full access users",
            ShowOrganization => "Show the organization and its deals",
            HideOrganization => "Hide the organization",
            OrganizationDeals => "Other deals of the organization",
            NoRequesterTitle => "No requester yet",
            NoRequesterBody => "Set the ticket's requester to see their Sell records here.",
            OtherEmailsTitle => "The user's other email addresses",
            OrgNotFoundTitle => "Not in Sell yet",
            OrgNotFoundBody => "No organization in Sell has this name.",
            OrgNoneVisibleBody => "Sell has an organization with this name, but not one you can see.",
            OrgSeveralTitle => "Several Sell organizations have this name",
            OrgSeveralBody => "Pick the one this organization is. The sidebar remembers your choice.",
            BackToOrganizations => "Back to the organizations",
            NoPeople => "No people of this organization are in Sell.",
            AdminFullAccessNone => "Nobody is listed. In Sell users only mode every agent sees their own branch of the hierarchy only, even where Sell gives them Full access.",
        }
    }

    const fn de(self) -> &'static str {
        use Msg::*;
        match self {
            AppTitle => "Zendesk Sell",
            Loading => "Sell-Daten werden geladen…",
            Refresh => "Aktualisieren",
            Retry => "Erneut versuchen",
            Close => "Schließen",
            Cancel => "Abbrechen",
            Back => "Zurück",
            Yes => "Ja",
            No => "Nein",
            NotInZendeskTitle => "Öffnen Sie diese App in einem Ticket",
            NotInZendeskBody => "Dies ist die Sell-Seitenleiste von Zendesk Support. Öffnen Sie ein Ticket in Support, um sie zu sehen, oder starten Sie `cargo xtask demo`, um sie auf dem lokalen Dev-Host auszuprobieren.",
            NoSellAccessTitle => "Kein Zugriff auf Sell",
            NoSellAccessBody => "Sie brauchen Zugriff auf Sell, um hier Sell-Daten zu sehen. Bitten Sie Ihren Sell-Administrator, Sie als Sell-Benutzer hinzuzufügen.",
            InactiveSellUserTitle => "Ihr Sell-Benutzer ist inaktiv",
            InactiveSellUserBody => "Ihr Sell-Benutzer ist deaktiviert, daher können keine Sell-Daten angezeigt werden. Bitten Sie Ihren Sell-Administrator, ihn wieder zu aktivieren.",
            AccessRefusedTitle => "Sell hat den Zugriff der App abgelehnt",
            NotConfiguredTitle => "Sell ist noch nicht eingerichtet",
            NoRequesterEmail => "Der Anfragende hat keine E-Mail-Adresse, daher kann Sell nicht automatisch durchsucht werden.",
            NothingFoundTitle => "Noch nicht in Sell",
            NothingFoundBody => "Kein Lead und kein Kontakt in Sell hat die E-Mail-Adresse des Anfragenden.",
            NamesMissing => "Einige Namen konnten nicht aus Sell gelesen werden und erscheinen als Nummern. Aktualisieren Sie, um es erneut zu versuchen.",
            ManualSearchLabel => "In Sell suchen",
            ManualSearchPlaceholder => "Name, E-Mail oder Firma",
            Search => "Suchen",
            SearchNoResults => "Nichts in Sell passt zu dieser Suche.",
            SeveralMatchesTitle => "Mehrere Sell-Datensätze passen",
            SeveralMatchesBody => "Wählen Sie den aus, um den es in diesem Ticket geht.",
            BackToMatches => "Zurück zu allen Treffern",
            FailedTitle => "Sell-Daten konnten nicht geladen werden",
            RateLimitedTitle => "Sell ist ausgelastet",
            CardLead => "Lead",
            CardContact => "Kontakt",
            CardOrganization => "Organisation",
            CardDeal => "Deal",
            NoDeals => "Keine Deals",
            OpenInSell => "In Sell öffnen",
            DealWon => "Gewonnen",
            DealLost => "Verloren",
            DealHot => "Heiß",
            FieldName => "Name",
            FieldFirstName => "Vorname",
            FieldLastName => "Nachname",
            FieldOrganization => "Organisation",
            FieldStatus => "Status",
            FieldSource => "Quelle",
            FieldOwner => "Besitzer",
            FieldEmail => "E-Mail",
            FieldPhone => "Telefon",
            FieldMobile => "Mobiltelefon",
            FieldTags => "Tags",
            FieldCreatedAt => "Erstellt",
            FieldUpdatedAt => "Zuletzt geändert",
            FieldTitle => "Position",
            FieldAddress => "Adresse",
            FieldValue => "Wert",
            FieldStage => "Phase",
            FieldEstimatedCloseDate => "Erwarteter Abschluss",
            FieldLastActivity => "Letzte Aktivität",
            FieldWebsite => "Website",
            FieldDescription => "Beschreibung",
            FieldHot => "Heißer Deal",
            CreateLead => "Lead erstellen",
            CreateLeadTitle => "Neuer Lead",
            FormFirstName => "Vorname",
            FormLastName => "Nachname",
            FormOrganization => "Organisation",
            FormEmail => "E-Mail",
            FormPhone => "Telefon",
            FormDescription => "Beschreibung",
            FormOwner => "Besitzer",
            FormRequired => "Pflichtfeld",
            FormSubmit => "Lead erstellen",
            FormSubmitting => "Lead wird erstellt…",
            FormNeedsLastNameOrOrganization => "Geben Sie einen Nachnamen oder eine Organisation ein.",
            FormEmailInvalid => "Geben Sie eine E-Mail-Adresse wie name@example.com ein.",
            FormOwnerRequired => "Wählen Sie aus, wem der Lead gehört.",
            FormTooLong => "Das ist zu lang für Sell. Bitte kürzen.",
            LeadNotCreated => "Ihr Lead wurde nicht erstellt. Alles, was Sie eingegeben haben, ist noch da.",
            DuplicateLeadWarning => "Es gibt bereits einen Lead mit dieser E-Mail-Adresse.",
            DuplicateContactWarning => "Es gibt bereits einen Kontakt mit dieser E-Mail-Adresse.",
            OwnerGoesToYou => "Dieser Lead wird Ihnen gehören.",
            OwnerPlaceholder => "Namen eingeben, um zu suchen",
            OwnerPeople => "Personen",
            OwnerPools => "Verteilungspools",
            OwnerPoolBadge => "Pool",
            OwnerNoMatches => "Keine Treffer",
            AdminSettingsTitle => "Prüfung der Sell-Einstellungen",
            AdminOnlyNotice => "Nur Zendesk-Administratoren sehen dies.",
            AdminSellUsers => "Sell-Benutzer",
            AdminDistributionPools => "Verteilungspools",
            AdminLeadStatuses => "Lead-Status",
            AdminLeadSources => "Lead-Quellen",
            AdminCopy => "Kopieren",
            AdminCopied => "Kopiert",
            AdminInactive => "inaktiv",
            ErrUnauthorized => "Sell hat das Zugriffstoken nicht akzeptiert: Es fehlt, ist ungültig oder abgelaufen. Autorisieren Sie Sell erneut oder bitten Sie einen Zendesk-Administrator, die App-Einstellung „Sell API token“ zu prüfen.",
            ErrForbidden => "Ihre Sell-Berechtigungen erlauben das nicht. Bitten Sie Ihren Sell-Administrator um Zugriff.",
            ErrNotFound => "Sell hat diesen Datensatz nicht gefunden. Vielleicht wurde er gelöscht oder Sie dürfen ihn nicht sehen.",
            ErrValidation => "Sell hat die Daten nicht akzeptiert.",
            ErrTimeout => "Sell hat zu lange nicht geantwortet. Versuchen Sie es erneut.",
            ErrNetwork => "Sell ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
            FormMaybeCreated => "Sell hat nicht rechtzeitig geantwortet, der Lead wurde also vielleicht trotzdem angelegt. Prüfen Sie Sell, bevor Sie es erneut versuchen; alles Eingegebene ist noch da.",
            FormFixAndRetry => "Sell hat einige Werte nicht akzeptiert. Korrigieren Sie die markierten Felder und erstellen Sie den Lead erneut.",
            FormCreateAnyway => "Trotzdem erstellen",
            FormCreateAnywayQuestion => "Trotzdem erstellen?",
            FormDuplicatesTitle => "Bereits in Sell",
            FormCheckingDuplicates => "Sell wird nach dieser E-Mail-Adresse durchsucht…",
            FormStatusUnknownAgent => "Der für neue Leads eingerichtete Lead-Status existiert in Sell nicht, daher können keine Leads erstellt werden. Wenden Sie sich an Ihren Zendesk-Administrator.",
            FormCannotCreateTitle => "Leads können noch nicht erstellt werden",
            FormNotCreatedTitle => "Lead nicht erstellt",
            FormLoadFailedTitle => "Das Lead-Formular konnte nicht vorbereitet werden",
            FormRequesterChangedTitle => "Die anfragende Person hat sich geändert",
            FormStartOver => "Neu beginnen",
            SettingsHelperButton => "Einstellungshilfe",
            AdminIntro => "Werte, wie Sell sie führt: Kopieren Sie sie genau so in die App-Einstellungen.",
            AdminId => "Kennung",
            AdminTeam => "Team",
            AdminActive => "aktiv",
            AdminCopyFailed => "Kopieren hat nicht funktioniert. Markieren Sie den Wert und kopieren Sie ihn selbst.",
            AdminAccountOwner => "Kontoinhaber",
            AdminNothingListed => "Sell führt keine.",
            ZafFailedTitle => "Zendesk hat der App nicht geantwortet",
            NoAgentEmailTitle => "Ihr Zendesk-Profil hat keine E-Mail-Adresse",
            NoAgentEmailBody => "Sell-Benutzer werden über die E-Mail-Adresse zugeordnet. Bitten Sie Ihren Zendesk-Administrator, Ihrem Profil eine E-Mail-Adresse hinzuzufügen.",
            NoneVisibleTitle => "Nicht unter Ihren Sell-Datensätzen",
            NoneVisibleBody => "Sell hat einen Lead oder Kontakt mit der E-Mail-Adresse der anfragenden Person, aber keinen, den Sie sehen können. Fragen Sie eine Sell-Führungskraft, bevor Sie einen weiteren anlegen.",
            DuplicateHidden => "Ein Lead oder Kontakt mit dieser E-Mail-Adresse existiert bereits in Sell, unter Datensätzen, die Sie nicht sehen können.",
            LeadCreatedNotVisible => "Er ging an seinen Inhaber, dessen Datensätze Sie nicht sehen können, daher wird er hier nicht angezeigt.",
            AdminToken => "Sell-API-Token",
            AdminFullAccess => "Benutzer mit vollem Zugriff",
            ShowOrganization => "Organisation und ihre Deals anzeigen",
            HideOrganization => "Organisation ausblenden",
            OrganizationDeals => "Weitere Deals der Organisation",
            NoRequesterTitle => "Noch keine anfragende Person",
            NoRequesterBody => "Legen Sie die anfragende Person des Tickets fest, um hier ihre Sell-Datensätze zu sehen.",
            OtherEmailsTitle => "Weitere E-Mail-Adressen des Benutzers",
            OrgNotFoundTitle => "Noch nicht in Sell",
            OrgNotFoundBody => "Keine Organisation in Sell hat diesen Namen.",
            OrgNoneVisibleBody => "Sell hat eine Organisation mit diesem Namen, aber keine, die Sie sehen können.",
            OrgSeveralTitle => "Mehrere Sell-Organisationen haben diesen Namen",
            OrgSeveralBody => "Wählen Sie die passende aus. Die Seitenleiste merkt sich Ihre Wahl.",
            BackToOrganizations => "Zurück zu den Organisationen",
            NoPeople => "Keine Personen dieser Organisation sind in Sell.",
            AdminFullAccessNone => "Niemand eingetragen. Im Modus „Nur Sell-Benutzer“ sieht jeder Agent nur seinen eigenen Zweig der Hierarchie, auch wenn Sell ihm vollen Zugriff gibt.",
        }
    }
}

// Each language's texts packed at compile time into one run of bytes and a table of where each text
// ends (`en` and `de` run only in the compiler). A `match` returning `&'static str` compiles to a
// pointer and a length per text, or code per arm; this is two bytes per text (#16).
const COUNT: usize = Msg::ALL.len();

macro_rules! packed {
    ($ends:ident, $bytes:ident, $text:path) => {
        const $ends: [u16; COUNT] = {
            let mut ends = [0u16; COUNT];
            let (mut i, mut end) = (0, 0);
            while i < COUNT {
                end += $text(Msg::ALL[i]).len();
                assert!(end <= u16::MAX as usize, "the texts of one language must stay under 64 KB");
                ends[i] = end as u16;
                i += 1;
            }
            ends
        };
        const $bytes: [u8; $ends[COUNT - 1] as usize] = {
            let mut bytes = [0u8; $ends[COUNT - 1] as usize];
            let (mut i, mut at) = (0, 0);
            while i < COUNT {
                let text = $text(Msg::ALL[i]).as_bytes();
                let mut j = 0;
                while j < text.len() {
                    bytes[at] = text[j];
                    at += 1;
                    j += 1;
                }
                i += 1;
            }
            bytes
        };
    };
}

packed!(EN_ENDS, EN_BYTES, Msg::en);
packed!(DE_ENDS, DE_BYTES, Msg::de);

// ---- Texts with arguments -------------------------------------------------------------------------

/// Title of the deals card: "Deals (3)".
pub fn deals_title(count: usize, locale: Locale) -> String {
    match locale {
        Locale::En => format!("Deals ({count})"),
        Locale::De => format!("Deals ({count})"),
    }
}

/// Under a list that had records Sell sent but the app could not read.
pub fn n_records_skipped(n: usize, locale: Locale) -> String {
    match (locale, n) {
        (Locale::En, 1) => "1 record couldn't be read and is not shown.".to_string(),
        (Locale::En, n) => format!("{n} records couldn't be read and are not shown."),
        (Locale::De, 1) => {
            "1 Datensatz konnte nicht gelesen werden und wird nicht angezeigt.".to_string()
        }
        (Locale::De, n) => {
            format!("{n} Datensätze konnten nicht gelesen werden und werden nicht angezeigt.")
        }
    }
}

/// The "show more" button of a long list.
pub fn show_more(n: usize, locale: Locale) -> String {
    match locale {
        Locale::En => format!("Show {n} more"),
        Locale::De => format!("{n} weitere anzeigen"),
    }
}

/// The rate-limit state; Sell rarely says how long to wait, so the count is optional.
pub fn retry_in_seconds(seconds: Option<u64>, locale: Locale) -> String {
    match (locale, seconds) {
        (Locale::En, Some(1)) => {
            "Sell is receiving too many requests. Try again in 1 second.".to_string()
        }
        (Locale::En, Some(s)) => {
            format!("Sell is receiving too many requests. Try again in {s} seconds.")
        }
        (Locale::En, None) => {
            "Sell is receiving too many requests. Try again in a minute.".to_string()
        }
        (Locale::De, Some(1)) => {
            "Sell erhält zu viele Anfragen. Versuchen Sie es in 1 Sekunde erneut.".to_string()
        }
        (Locale::De, Some(s)) => {
            format!("Sell erhält zu viele Anfragen. Versuchen Sie es in {s} Sekunden erneut.")
        }
        (Locale::De, None) => {
            "Sell erhält zu viele Anfragen. Versuchen Sie es in einer Minute erneut.".to_string()
        }
    }
}

/// How long ago the shown data was fetched; the unit is chosen by `format::relative_minutes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ago {
    JustNow,
    Minutes(u64),
    Hours(u64),
    Days(u64),
}

pub fn updated_ago(ago: Ago, locale: Locale) -> String {
    match (locale, ago) {
        (Locale::En, Ago::JustNow) => "updated just now".to_string(),
        (Locale::En, Ago::Minutes(1)) => "updated 1 minute ago".to_string(),
        (Locale::En, Ago::Minutes(n)) => format!("updated {n} minutes ago"),
        (Locale::En, Ago::Hours(1)) => "updated 1 hour ago".to_string(),
        (Locale::En, Ago::Hours(n)) => format!("updated {n} hours ago"),
        (Locale::En, Ago::Days(1)) => "updated 1 day ago".to_string(),
        (Locale::En, Ago::Days(n)) => format!("updated {n} days ago"),
        (Locale::De, Ago::JustNow) => "gerade eben aktualisiert".to_string(),
        (Locale::De, Ago::Minutes(1)) => "vor 1 Minute aktualisiert".to_string(),
        (Locale::De, Ago::Minutes(n)) => format!("vor {n} Minuten aktualisiert"),
        (Locale::De, Ago::Hours(1)) => "vor 1 Stunde aktualisiert".to_string(),
        (Locale::De, Ago::Hours(n)) => format!("vor {n} Stunden aktualisiert"),
        (Locale::De, Ago::Days(1)) => "vor 1 Tag aktualisiert".to_string(),
        (Locale::De, Ago::Days(n)) => format!("vor {n} Tagen aktualisiert"),
    }
}

/// Settings helper: who a lead goes to when no owner is configured in All-agents mode.
pub fn account_owner_resolves_to(name: &str, locale: Locale) -> String {
    match locale {
        Locale::En => format!("Account owner resolves to {name}"),
        Locale::De => format!("Kontoinhaber ist {name}"),
    }
}

/// The form note when the lead goes to someone fixed (one configured owner, or the account owner).
pub fn lead_goes_to(name: &str, locale: Locale) -> String {
    match locale {
        Locale::En => format!("This lead will be owned by {name}."),
        Locale::De => format!("Dieser Lead wird {name} gehören."),
    }
}

/// Shown when an owner id from Sell is not in the user list (deleted user, or not visible).
pub fn unknown_user(id: u64, locale: Locale) -> String {
    match locale {
        Locale::En => format!("User #{id}"),
        Locale::De => format!("Benutzer #{id}"),
    }
}

pub fn unknown_stage(id: u64, locale: Locale) -> String {
    match locale {
        Locale::En => format!("Stage #{id}"),
        Locale::De => format!("Phase #{id}"),
    }
}

pub fn unknown_source(id: u64, locale: Locale) -> String {
    match locale {
        Locale::En => format!("Source #{id}"),
        Locale::De => format!("Quelle #{id}"),
    }
}

/// Success line after creating a lead, naming it so the agent knows which.
/// The button that looks one of a user's other emails up.
pub fn look_up_email(email: &str, locale: Locale) -> String {
    match locale {
        Locale::En => ["Look up ", email].concat(),
        Locale::De => [email, " nachschlagen"].concat(),
    }
}

/// "People in Sell (n)" over an organization's contacts.
pub fn people_title(count: usize, locale: Locale) -> String {
    match locale {
        Locale::En => ["People in Sell (", &count.to_string(), ")"].concat(),
        Locale::De => ["Personen in Sell (", &count.to_string(), ")"].concat(),
    }
}

pub fn lead_created_named(name: &str, locale: Locale) -> String {
    match locale {
        Locale::En => format!("Lead “{name}” created in Sell."),
        Locale::De => format!("Lead „{name}“ in Sell erstellt."),
    }
}

/// Admin notice for a field name in `lead_fields`/`contact_fields`/`deal_fields` that is not known.
pub fn unknown_field(setting: &str, name: &str, locale: Locale) -> String {
    match locale {
        Locale::En => format!("“{name}” in the setting {setting} is not a field the app knows, so it is not shown. Check the spelling, or write custom:{name} for a custom field."),
        Locale::De => format!("„{name}“ in der Einstellung {setting} ist kein Feld, das die App kennt, und wird daher nicht angezeigt. Prüfen Sie die Schreibweise oder schreiben Sie custom:{name} für ein benutzerdefiniertes Feld."),
    }
}

/// Admin notice for `custom:` without a name after it.
pub fn empty_custom_field(setting: &str, locale: Locale) -> String {
    match locale {
        Locale::En => format!("The setting {setting} has “custom:” without a field name after it."),
        Locale::De => {
            format!("Die Einstellung {setting} enthält „custom:“ ohne Feldnamen dahinter.")
        }
    }
}

pub fn err_server(status: u16, locale: Locale) -> String {
    match locale {
        Locale::En => format!("Sell had a problem (HTTP {status}). Try again in a moment."),
        Locale::De => {
            format!("Sell hatte ein Problem (HTTP {status}). Versuchen Sie es gleich noch einmal.")
        }
    }
}

pub fn err_proxy_refused(status: u16, detail: &str, locale: Locale) -> String {
    match locale {
        Locale::En => format!("Zendesk refused to pass the request on to Sell (HTTP {status}: {detail}). Ask a Zendesk admin to check that the app is installed and allowed to reach api.getbase.com."),
        Locale::De => format!("Zendesk hat die Anfrage nicht an Sell weitergeleitet (HTTP {status}: {detail}). Bitten Sie einen Zendesk-Administrator zu prüfen, ob die App installiert ist und api.getbase.com erreichen darf."),
    }
}

pub fn err_malformed(status: u16, what: &str, locale: Locale) -> String {
    match locale {
        Locale::En => format!("Sell sent an answer the app couldn't read ({what}, HTTP {status}). Try again; if it keeps happening, tell your Zendesk admin."),
        Locale::De => format!("Sell hat eine Antwort geschickt, die die App nicht lesen kann ({what}, HTTP {status}). Versuchen Sie es erneut; wenn es wieder passiert, informieren Sie Ihren Zendesk-Administrator."),
    }
}

/// What was wrong with an unreadable answer, for `err_malformed`.
pub fn unreadable(what: &Unreadable, locale: Locale) -> String {
    use Unreadable::*;
    let text = match (what, locale) {
        (EmptyAnswer, Locale::En) => "an empty answer",
        (EmptyAnswer, Locale::De) => "eine leere Antwort",
        (WebPage, Locale::En) => "a web page instead of data",
        (WebPage, Locale::De) => "eine Webseite statt Daten",
        (BrokenJson, Locale::En) => "broken JSON",
        (BrokenJson, Locale::De) => "fehlerhaftes JSON",
        (WrongShape, Locale::En) => "data of the wrong shape",
        (WrongShape, Locale::De) => "Daten in falscher Form",
        (NoList, Locale::En) => "an answer without a list",
        (NoList, Locale::De) => "eine Antwort ohne Liste",
        (NoRecord, Locale::En) => "an answer without a record",
        (NoRecord, Locale::De) => "eine Antwort ohne Datensatz",
        (RecordFields { kind }, Locale::En) => {
            return format!("a {} record with missing or wrong fields", kind.as_deref().unwrap_or("Sell"))
        }
        (RecordFields { kind: Some(kind) }, Locale::De) => {
            return format!("ein Datensatz vom Typ {kind} mit fehlenden oder falschen Feldern")
        }
        (RecordFields { kind: None }, Locale::De) => "ein Sell-Datensatz mit fehlenden oder falschen Feldern",
        (InvalidRequest, Locale::En) => "a request Sell called invalid",
        (InvalidRequest, Locale::De) => "eine Anfrage, die Sell ungültig nannte",
        (SuccessAsError, Locale::En) => "a success answer treated as an error",
        (SuccessAsError, Locale::De) => "eine Erfolgsantwort, als Fehler behandelt",
    };
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packed_texts_are_the_texts_in_both_languages() {
        for (i, msg) in Msg::ALL.iter().enumerate() {
            assert_eq!(*msg as usize, i, "{msg:?} is where Msg::ALL has it");
            assert_eq!(msg.text(Locale::En), msg.en(), "{msg:?}");
            assert_eq!(msg.text(Locale::De), msg.de(), "{msg:?}");
        }
    }

    /// Texts that are the same word in both languages: product names and loanwords German uses too.
    const SAME_IN_BOTH: &[Msg] = &[
        Msg::AppTitle,
        Msg::CardLead,
        Msg::CardDeal,
        Msg::FieldName,
        Msg::FieldStatus,
        Msg::FieldTags,
        Msg::FieldWebsite,
        Msg::AdminTeam,
    ];

    #[test]
    fn unreadable_answers_are_described_in_the_agents_language() {
        use Unreadable::*;
        let all = [
            EmptyAnswer,
            WebPage,
            BrokenJson,
            WrongShape,
            NoList,
            NoRecord,
            RecordFields { kind: Some("lead".into()) },
            RecordFields { kind: None },
            InvalidRequest,
            SuccessAsError,
        ];
        for what in &all {
            assert_ne!(unreadable(what, Locale::En), unreadable(what, Locale::De), "{what:?}");
        }
        let error = crate::sell::error::SellError::Malformed { status: 502, what: WebPage };
        let de = error.message(Locale::De);
        assert!(de.contains("eine Webseite statt Daten") && de.contains("HTTP 502"), "{de}");
        assert!(error.message(Locale::En).contains("a web page instead of data"));
        assert!(unreadable(&RecordFields { kind: Some("lead".into()) }, Locale::De).contains("lead"));
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        for msg in Msg::ALL {
            for locale in Locale::ALL {
                assert!(
                    !msg.text(locale).trim().is_empty(),
                    "{msg:?} is empty in {locale:?}"
                );
            }
        }
    }

    #[test]
    fn german_texts_are_translated_except_words_both_languages_share() {
        for msg in Msg::ALL {
            let same = msg.text(Locale::En) == msg.text(Locale::De);
            assert_eq!(
                same,
                SAME_IN_BOTH.contains(msg),
                "{msg:?}: {:?}",
                msg.text(Locale::De)
            );
        }
    }

    #[test]
    fn formatted_texts_are_translated_and_carry_their_argument() {
        let pairs: Vec<(String, String, &str)> = vec![
            (
                n_records_skipped(3, Locale::En),
                n_records_skipped(3, Locale::De),
                "3",
            ),
            (show_more(20, Locale::En), show_more(20, Locale::De), "20"),
            (
                retry_in_seconds(Some(30), Locale::En),
                retry_in_seconds(Some(30), Locale::De),
                "30",
            ),
            (
                updated_ago(Ago::Hours(2), Locale::En),
                updated_ago(Ago::Hours(2), Locale::De),
                "2",
            ),
            (
                account_owner_resolves_to("Ada", Locale::En),
                account_owner_resolves_to("Ada", Locale::De),
                "Ada",
            ),
            (
                lead_goes_to("Ada", Locale::En),
                lead_goes_to("Ada", Locale::De),
                "Ada",
            ),
            (
                unknown_user(12, Locale::En),
                unknown_user(12, Locale::De),
                "12",
            ),
            (
                unknown_field("lead_fields", "fax", Locale::En),
                unknown_field("lead_fields", "fax", Locale::De),
                "fax",
            ),
            (
                err_server(503, Locale::En),
                err_server(503, Locale::De),
                "503",
            ),
            (
                err_malformed(200, "x", Locale::En),
                err_malformed(200, "x", Locale::De),
                "200",
            ),
        ];
        for (en, de, arg) in pairs {
            assert_ne!(en, de);
            assert!(
                en.contains(arg) && de.contains(arg),
                "{en} / {de} lack {arg}"
            );
        }
    }

    #[test]
    fn one_and_many_read_differently() {
        assert_eq!(
            n_records_skipped(1, Locale::En),
            "1 record couldn't be read and is not shown."
        );
        assert_eq!(
            n_records_skipped(2, Locale::En),
            "2 records couldn't be read and are not shown."
        );
        assert_eq!(
            updated_ago(Ago::Minutes(1), Locale::De),
            "vor 1 Minute aktualisiert"
        );
        assert_eq!(
            updated_ago(Ago::Minutes(3), Locale::De),
            "vor 3 Minuten aktualisiert"
        );
        assert_eq!(
            retry_in_seconds(None, Locale::En),
            "Sell is receiving too many requests. Try again in a minute."
        );
    }

    #[test]
    fn no_sell_access_says_who_to_ask() {
        assert_eq!(
            Msg::NoSellAccessBody.text(Locale::En),
            "You need Sell access to see Sell data here. Ask your Sell admin to add you as a Sell user."
        );
    }
}
