:- encoding(utf8).
/*  Where the text is silent (gaps) or unclear (interpretations).

    reading(Id, Kind, Citations, Zh, En)
        Kind = gap: the text gives no answer for these facts; an answer that
               needs it has the status "gap".
        Kind = interpretation: a reading of unclear text that the KB applies,
               with its reason in the text; every answer that relies on it
               lists it.
        Citations are c(Article, Paragraph, Item) terms, null where a level
        does not apply.

    Example:
        reading(g_example, gap, [c(3,1,null)],
                "……时由谁决定，本规定未作规定。",
                "The text does not say who decides when ...").
*/

:- dynamic reading/5.

reading(g_amount_needed, gap, [c(2,1,null)],
  "第二条按退费金额划分审批权限，未给出金额时无法确定由谁审批。",
  "Art. 2 divides approval by the amount refunded; without the amount, the approver cannot be determined.").
