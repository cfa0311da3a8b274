//! The roles the TUI paints, named by what they mean rather than by widget, with their
//! theme keys and fallbacks.

use std::fmt;
use std::str::FromStr;

use crate::annotation::{AnnotationKind, EntityLabel};

macro_rules! roles {
    ($( $(#[doc = $doc:literal])+ $variant:ident = $key:literal $(-> $parent:ident)?; )+) => {
        /// Everything the TUI paints. Each role has a dotted theme key (`entity.person`) and
        /// may fall back to a parent role: a role's style is its parent's style with the
        /// role's own fields laid over it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Role {
            $( $(#[doc = $doc])+ $variant, )+
        }

        impl Role {
            /// Every role, parents before children.
            pub const ALL: &'static [Role] = &[$(Role::$variant),+];

            /// The key that names this role in a theme file.
            pub fn key(self) -> &'static str {
                match self { $(Role::$variant => $key,)+ }
            }

            /// The role this one falls back to.
            pub fn parent(self) -> Option<Role> {
                match self { $(Role::$variant => roles!(@parent $($parent)?),)+ }
            }

            /// One line saying what the role paints.
            pub fn description(self) -> &'static str {
                match self { $(Role::$variant => concat!($($doc),+).trim_ascii(),)+ }
            }
        }
    };
    (@parent) => { None };
    (@parent $parent:ident) => { Some(Role::$parent) };
}

roles! {
    // Article pane.
    /// Body text of the article: the base every article role is laid over.
    Text = "text";
    /// The article's title in the header.
    Title = "title" -> Text;
    /// The header's date, author and source line.
    Meta = "meta" -> Text;
    /// Markdown headings.
    Heading = "heading" -> Text;
    /// Block quotes in the text, and their bar.
    Blockquote = "blockquote" -> Text;
    /// List bullets and numbers.
    Bullet = "bullet" -> Text;
    /// Link text (an OSC 8 hyperlink too, where the terminal understands them).
    Link = "link" -> Text;
    /// Emphasised text.
    Emphasis = "emphasis" -> Text;
    /// Strongly emphasised text.
    Strong = "strong" -> Text;
    /// Inline code.
    Code = "code" -> Text;

    // Annotations, laid over the text they mark.
    /// Any entity mention.
    Entity = "entity";
    /// A person.
    EntityPerson = "entity.person" -> Entity;
    /// An organisation.
    EntityOrg = "entity.org" -> Entity;
    /// A place.
    EntityPlace = "entity.place" -> Entity;
    /// A nationality, religious or political group.
    EntityNorp = "entity.norp" -> Entity;
    /// A named thing that is none of the above.
    EntityMisc = "entity.misc" -> Entity;
    /// A date or time expression.
    Date = "date";
    /// A relative date that could not be resolved (no publication date).
    DateUnresolved = "date.unresolved" -> Date;
    /// A quotation.
    Quote = "quote";
    /// The words naming a quote's speaker.
    QuoteSpeaker = "quote.speaker" -> Quote;
    /// The current annotation, laid over its kind's style.
    AnnotationCurrent = "annotation.current";
    /// Other mentions of the current entity.
    AnnotationRelated = "annotation.related";
    /// A passage the reader wrote a note on.
    Note = "note";
    /// The passage a jump landed on.
    Highlight = "highlight";
    /// A search match.
    SearchMatch = "search.match";
    /// The search match the cursor is on.
    SearchCurrent = "search.current" -> SearchMatch;

    // Panes and the side pane.
    /// A pane border.
    PaneBorder = "pane.border";
    /// The border of the pane that has the focus.
    PaneBorderFocused = "pane.border.focused" -> PaneBorder;
    /// A pane title.
    PaneTitle = "pane.title";
    /// The title of the pane that has the focus.
    PaneTitleFocused = "pane.title.focused" -> PaneTitle;
    /// The side pane's tab bar.
    Tab = "tab";
    /// The tab shown.
    TabActive = "tab.active" -> Tab;
    /// The tabs not shown.
    TabInactive = "tab.inactive" -> Tab;
    /// Rows of the side pane: the base every list role is laid over.
    List = "list";
    /// The selected row when the side pane has the focus.
    ListSelected = "list.selected" -> List;
    /// The selected row when the article has the focus.
    ListSelectedUnfocused = "list.selected.unfocused" -> ListSelected;
    /// Group headings in a list ("People", "Places").
    ListGroup = "list.group" -> List;
    /// Secondary text in a list: counts, aliases, explanations, empty-tab hints.
    ListDim = "list.dim" -> List;
    /// The timeline's axis and connectors on the Dates tab.
    TimelineAxis = "timeline.axis" -> ListDim;
    /// A date's value on the timeline.
    TimelineValue = "timeline.value" -> List;
    /// The pane's scrollbar.
    Scrollbar = "scrollbar";
    /// Ticks beside the article's scrollbar where the current entity is mentioned.
    ScrollbarMention = "scrollbar.mention" -> Scrollbar;

    // Status bar and prompts.
    /// The status bar: file, position, current annotation.
    StatusBar = "status.bar";
    /// A key in the status bar's hints.
    StatusKey = "status.key" -> StatusBar;
    /// A passing message in the status bar.
    StatusMessage = "status.message" -> StatusBar;
    /// A warning in the status bar (such as invalid UTF-8 in the file).
    StatusWarning = "status.warning" -> StatusBar;
    /// An error in the status bar.
    StatusError = "status.error" -> StatusBar;
    /// The search prompt line.
    Prompt = "prompt" -> StatusBar;
    /// The search prompt when nothing matches.
    PromptError = "prompt.error" -> Prompt;

    // Help overlay.
    /// The help overlay's body.
    Help = "help";
    /// A key in the help overlay.
    HelpKey = "help.key" -> Help;
    /// A key's description in the help overlay.
    HelpText = "help.text" -> Help;
    /// A section heading in the help overlay.
    HelpHeading = "help.heading" -> Help;
}

impl Role {
    /// The role for an entity label.
    pub fn for_entity(label: EntityLabel) -> Role {
        match label {
            EntityLabel::Person => Role::EntityPerson,
            EntityLabel::Org => Role::EntityOrg,
            EntityLabel::Place => Role::EntityPlace,
            EntityLabel::Norp => Role::EntityNorp,
            EntityLabel::Misc => Role::EntityMisc,
        }
    }

    /// The role that paints an annotation of this kind.
    pub fn for_annotation(kind: &AnnotationKind) -> Role {
        match kind {
            AnnotationKind::Entity { label, .. } => Role::for_entity(*label),
            AnnotationKind::Date(_) => Role::Date,
            AnnotationKind::Quote(_) => Role::Quote,
        }
    }

    /// The role's place in [`Role::ALL`], for tables indexed by role.
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A theme key that names no role.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role '{0}'")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Role, UnknownRole> {
        Role::ALL
            .iter()
            .copied()
            .find(|role| role.key() == s)
            .ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_parse_back() {
        for (i, role) in Role::ALL.iter().enumerate() {
            assert_eq!(role.index(), i);
            assert_eq!(role.key().parse::<Role>(), Ok(*role));
        }
    }

    #[test]
    fn parents_come_first() {
        for role in Role::ALL {
            if let Some(parent) = role.parent() {
                assert!(
                    parent.index() < role.index(),
                    "{role} before its parent {parent}"
                );
            }
        }
    }

    #[test]
    fn every_role_is_described() {
        for role in Role::ALL {
            assert!(!role.description().is_empty(), "{role}");
        }
        assert_eq!(Role::EntityPerson.description(), "A person.");
    }
}
