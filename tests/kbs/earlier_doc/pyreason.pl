:- encoding(utf8).
/*  《关于执行案款发放审批的规定》（宛法〔2019〕45号）

    A TEST FIXTURE (issue 15): an earlier normative document of the same
    court as kb/ (宛法〔2023〕123号), invented for pyreason's tests, not a
    real document.  It answers the same question kind (approver) with the
    same input (matter) and the same absence fact as kb/, and disagrees with
    kb/'s Art 7(1)(3) on who approves the release of enforcement funds: here
    the deputy director, there the director.  Art 14 of kb/ says which
    prevails while both are in force.
*/

:- discontiguous article/2, paragraph/3, item/4.

:- include(document).
:- include(vocabulary).
:- include(articles/art01).
:- include(articles/art02).
:- include(articles/art03).
:- include(readings).
:- include(messages).
:- include(questions).
