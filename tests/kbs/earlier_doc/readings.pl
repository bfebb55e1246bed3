:- encoding(utf8).
/*  Where the text is silent.  */

reading(g_both_absent, gap, [c(1,1,null), c(2,1,null)],
  "副局长和局长均不在岗时由谁审批执行案款的发放，本规定未作规定。",
  "When both the deputy director and the director are away, these provisions do not say who approves the release of enforcement funds.").
