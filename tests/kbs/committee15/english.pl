:- encoding(utf8).
/*  An UNOFFICIAL English rendering of 云中法〔2025〕3号, for reference only;
    the Chinese text (the article files) is the only authoritative version.
    Same keys as the Chinese: en_article/2, en_paragraph/3, en_item/4.
*/

en_document_title("Rules of Procedure of the Enforcement Affairs Committee of the Yunjiang Intermediate People's Court (Trial)").

en_article(1, "Purpose").
en_paragraph(1, 1, "These rules are made, in the light of this court's enforcement work, to regulate the deliberation and voting of this court's enforcement affairs committee and to have major enforcement matters studied and decided collectively.").

en_article(2, "Composition").
en_paragraph(2, 1, "The enforcement affairs committee is composed of one chair, one vice-chair and thirteen members, fifteen in all.").

en_article(3, "Convening and chairing").
en_paragraph(3, 1, "Meetings of the committee are convened and chaired by the chair; when the chair does not attend, by the vice-chair.").
en_paragraph(3, 2, "A meeting of the committee may be held only when more than half of all its members attend.").

en_article(4, "Voting").
en_paragraph(4, 1, "Each member present states, one by one, an opinion for, against or abstaining.").
en_paragraph(4, 2, "A resolution passes only with the votes for of more than half of the members present. When the votes for and against are equal, the chair's own vote decides whether the resolution passes.").

en_article(5, "Referral").
en_paragraph(5, 1, "A resolution the committee passed against which the chair voted may be referred by him to the court leader in charge for decision.").

en_article(6, "Minutes").
en_paragraph(6, 1, "Minutes are taken of every meeting of the committee, recording who attended, the votes and the resolution; the chair signs them and they are filed.").

en_article(7, "Entry into force").
en_paragraph(7, 1, "These rules take effect on 1 January 2025.").
