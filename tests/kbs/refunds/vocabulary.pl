:- encoding(utf8).
/*  The names a scenario may use.

    known(Kind, Value, Name, Id, Label)
        Value (an atom) is what the rules receive; Name is the canonical name
        shown (the text's own wording); Id an English id accepted as input;
        Label an English label (a string).  Kind is a name kind: role,
        matter, meeting, scope, or any the KB invents (body, unit, fund, ...).
    known_alias(Kind, Alias, Value)
        another accepted name: an abbreviation, another wording of the text.

    Optional: known_group(Kind, Value, Group), alias_reading(Alias, ReadingId),
    impersonal(Value), unique_holder(Value); see docs/kb-guide.md, "Names".

    Example:
        known(role, '负责人', '负责人', head, "head").
        known_alias(role, '主要负责人', '负责人').
*/

:- dynamic known/5, known_alias/3.

known(role, '立案庭庭长', '立案庭庭长', filing_chief, "chief judge of the filing division").
known(role, '分管院领导', '分管院领导', court_leader_in_charge, "court leader in charge").
known(matter, refund, '诉讼费用退费', refund, "refund of litigation fees").
known_alias(matter, '退费', refund).
