:- encoding(utf8).
/*  An UNOFFICIAL English rendering of 云中法〔2024〕8号, for reference only;
    the Chinese text (the article files) is the only authoritative version.
    Same keys as the Chinese: en_article/2, en_paragraph/3, en_item/4.
*/

en_document_title("Rules of the Yunjiang Intermediate People's Court on the Approval of Enforcement Matters and on Substitution (Trial)").

en_article(1, "Purpose and basis").
en_paragraph(1, 1, "These rules are made, in accordance with the Civil Procedure Law of the People's Republic of China and the relevant judicial interpretations and in the light of this court's enforcement work, to regulate the approval of enforcement matters in this court and to keep approvals from being interrupted when someone is away or must recuse himself.").

en_article(2, "Scope and levels of posts").
en_paragraph(2, 1, "These rules apply to the approval of enforcement matters, acting for others, recusal and substitution between posts in this court's enforcement bureau.").
en_paragraph(2, 2, "The posts of the enforcement bureau are, from the highest: director, deputy director, team leader, enforcement judge, judge's assistant, clerk. \"Deputy director\" in these rules includes the executive deputy director.").
en_paragraph(2, 3, "\"Next level up\" in these rules: for a team leader, the deputy director in charge of the team; for a deputy director, the director.").

en_article(3, "Approval of the release of enforcement funds").
en_paragraph(3, 1, "The release of enforcement funds is approved according to the amount of a single payment:").
en_item(3, 1, 1, "less than 500,000 yuan: by the team leader;").
en_item(3, 1, 2, "500,000 yuan or more but less than 5,000,000 yuan: by the deputy director in charge;").
en_item(3, 1, 3, "5,000,000 yuan or more: by the director.").

en_article(4, "Approval of other enforcement matters").
en_paragraph(4, 1, "The director approves the following enforcement matters:").
en_item(4, 1, 1, "the auction or sale of property under enforcement;").
en_item(4, 1, 2, "fines or detention imposed on the person subject to enforcement;").
en_item(4, 1, 3, "the suspension or termination of an enforcement case.").
en_paragraph(4, 2, "The team leader approves the following enforcement matters:").
en_item(4, 2, 1, "taking property investigation measures;").
en_item(4, 2, 2, "issuing the enforcement notice and the order to report property.").

en_article(5, "Acting for others").
en_paragraph(5, 1, "When the director is away, the executive deputy director acts in his place; when the executive deputy director is also away, the other deputy directors act in his place in the order of their appointment. Acting under this paragraph needs no further authorisation by the director.").
en_paragraph(5, 2, "When a deputy director or a team leader is away, the matters he approves are approved by his next level up.").

en_article(6, "The bureau meeting").
en_paragraph(6, 1, "The bureau meeting consists of the director, the deputy directors and every team leader, and is convened and chaired by the director; when the director is away, by the person who acts in his place under Art. 5(1) of these rules.").
en_paragraph(6, 2, "The bureau meeting may be held only when more than half of all its members attend. Every member attending states, one by one, whether he is for, against or abstains.").
en_paragraph(6, 3, "A resolution of the bureau meeting passes only with the agreement of more than half of all its members. When the votes for and against are equal, the chair has the casting vote.").

en_article(7, "Recusal").
en_paragraph(7, 1, "An approver who has an interest in the matter he is to approve, or is otherwise in a situation that may affect a fair approval, must recuse himself, and his next level up approves.").

en_article(8, "Submission for approval").
en_paragraph(8, 1, "A resolution of the bureau meeting concerning the release of a single payment of enforcement funds of 5,000,000 yuan or more is carried out only after the court leader in charge has approved it.").
en_paragraph(8, 2, "The court leader in charge may, where he thinks it necessary, refer it to the adjudication committee for discussion and decision.").

en_article(9, "Substitution between posts of the same level").
en_paragraph(9, 1, "Posts of the same level may cover each other where the work requires. A substitution needs the approval of the director and may last no more than thirty days.").
en_paragraph(9, 2, "A higher and a lower post may not cover each other. Where the holder of a higher post is away, Art. 5 of these rules applies.").

en_article(10, "Records").
en_paragraph(10, 1, "Approvals, acting, recusals and substitutions are recorded and kept on file.").

en_article(11, "Interpretation").
en_paragraph(11, 1, "The enforcement bureau of this court is responsible for interpreting these rules.").

en_article(12, "Entry into force").
en_paragraph(12, 1, "These rules take effect on 1 March 2024. Where earlier rules of this court differ from these rules, these rules prevail.").
