:- encoding(utf8).
/*  The words of the explanation steps.  */

msg(decides, zh, "~w，由执行局~w审批。").
msg(decides, en, "~w is approved by the bureau's ~w.").
msg(stands_in, zh, "~w不在岗，由~w审批。").
msg(stands_in, en, "~w is away, so ~w approves.").
msg(both_absent, zh, "~w和~w均不在岗。").
msg(both_absent, en, "~w and ~w are both away.").
why_not(both_absent).
