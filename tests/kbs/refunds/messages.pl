:- encoding(utf8).
/*  The words of explanation steps and of the KB's own input errors.

    msg(Key, Lang, Format)
        Format is a format/2 string whose ~w take the arguments of the step
        step(Key, Args, Citations); an input error input_error(Code, Field,
        Value) is worded by msg(err_<Code>, Lang, Format).  Lang is zh or en.
    why_not(Key)
        the steps that say why a rule did not apply.

    Optional: word(Atom, Lang, Text) and arg_text(Term, Lang, Format, Args)
    for how arguments are rendered; see docs/kb-guide.md, "Words".

    Example:
        msg(decides, zh, "~w由~w决定。").
        msg(decides, en, "~w is decided by ~w.").
*/

:- dynamic msg/3, why_not/1.

msg(refund_band, zh, "退费金额~w元，由~w审批。").
msg(refund_band, en, "A refund of ~w yuan is approved by ~w.").
msg(no_amount, zh, "未给出退费金额，无法确定审批权限。").
msg(no_amount, en, "No amount is given, so the approval level cannot be determined.").
why_not(no_amount).
