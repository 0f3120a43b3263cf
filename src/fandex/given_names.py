"""Common English-language given names and the gender they usually go with.

General knowledge, not canon: a name list tells that an unfamiliar capitalised word ("Nadia")
is probably a person and probably a woman, when the text itself says little. Names used about as
often for either gender ("Alex", "Sam", "Jordan") are listed as unisex and tell no gender.
"""

from __future__ import annotations

from fandex.person_words import word_set

FEMALE = word_set(
    """abigail ada adela adelaide adele adeline adriana adrienne agatha agnes aileen aimee alana
    alberta alexa alexandra alexandria alexis alice alicia alina alisha alison alissa allison alma
    althea amanda amelia amelie amy ana anastasia andrea angela angelica angelina angie anita ann
    anna annabel annabelle anne annette annie antoinette antonia anya april arabella ariana ariel
    arlene astrid audrey augusta aurora ava barbara beatrice beatrix becky belinda bella bernadette
    bernice beryl beth bethany betsy betty beverly bianca blanche bonnie brenda briana bridget
    brigitte brittany brooke bryony caitlin callie camilla candace cara carla carmen carol caroline
    carolyn carrie cassandra cassie catherine cathy cecilia cecily celeste celia celine charity
    charlotte chelsea cheryl chloe christina christine cindy clara clarissa claudia colleen
    constance cora cordelia corinne courtney cynthia daisy daphne darcy darla daria dawn debbie
    deborah debra deirdre delia delphine denise diana diane dinah dolores dominique donna dora
    doreen doris dorothea dorothy edith edna eileen elaine eleanor elena eliza elizabeth ella ellen
    ellie eloise elsa elsie emilia emily emma erica erin esme estelle esther ethel eugenie eunice
    eva evangeline eve evelyn fanny felicia felicity fern fiona flora florence frances francesca
    freya gabriela gabrielle gail gemma genevieve georgia georgiana georgina geraldine gertrude
    gillian gina ginny giselle gladys gloria greta gretchen gwen gwendolyn hannah harriet hazel
    heather heidi helen helena henrietta hermione hilda holly ida imogen ines ingrid irene iris
    isabel isabella isabelle isla ivy jackie jacqueline jade jane janet janice jasmine jeanette
    jeanne jemima jenna jennifer jenny jessica jill joan joanna joanne jocelyn josephine joyce
    judith judy julia julie juliet justine kara karen kate katherine kathleen kathryn katie katrina
    kay kayla kelly kendra kimberly kirsten kitty kristen kristin kylie laila lana laura lauren
    lavinia leah leila lena leona leonora lesley leticia lila lilian lillian lily linda lindsay
    lisa livia liz liza lizzie lizzy lois lola lorna lorraine lottie louisa louise lucia lucille
    lucinda lucy luisa lydia lynn mabel madeleine madeline madison maggie magnolia maisie mandy
    marcia margaret margery margot maria mariah marian marianne marie marilyn marina marion
    marjorie marla marlene martha mary matilda maud maude maureen maxine megan melanie melinda
    melissa melody mercedes meredith mia michelle mildred millicent millie minerva miranda miriam
    moira molly monica monique muriel myra myrtle nadia nadine nancy naomi natalia natalie natasha
    nell nellie nicole nina nora noreen norma octavia olga olive olivia paige pamela patricia
    paula pauline pearl peggy penelope penny petra phoebe phyllis polly priscilla priya prudence
    rachel rebecca regina renee rhoda rhonda rita roberta rosa rosalie rosalind rosamund rosemary
    rosie rowena roxanne ruby ruth sabrina sally samantha sandra sara sarah scarlett selina serena
    sharon sheila shirley sienna simone sofia sonia sophia sophie stella stephanie susan susanna
    susannah suzanne sybil sylvia tabitha tamara tammy tania tanya tara teresa tessa thea theresa
    tiffany tina tracy trudy ursula valentina valerie vanessa vera veronica victoria viola violet
    virginia vivian vivienne wanda wendy whitney wilhelmina winifred yvonne zara zelda zoe zoey
    aisha fatima yasmin yasmine zainab amina layla laila mei ling yuki aiko sakura hana ananya divya
    kavya anjali neha pooja sunita meera nisha deepa lakshmi shreya asha rani sita aaliyah adaeze
    ngozi chioma amara imani keisha latoya tanisha shanice ebony jada aurelia beatriz carmela
    consuela dolores esperanza guadalupe inez isadora juanita lourdes lucinda marisol paloma
    pilar rocio soledad ximena agneta annika birgit britta dagny elin freja greta hedda helga
    ingeborg karin kerstin liv malin sigrid solveig tove ulla katya ludmila masha nadezhda oksana
    svetlana tatiana yelena yulia zoya irina galina anneliese brunhilde gisela hildegard ilse
    liesel magda ursel aoife ciara clodagh niamh orla roisin siobhan sinead saoirse grainne
    maeve bronwen cerys ffion gwyneth rhiannon seren sian eilidh isla kirsty morag shona
    addison aubrey brianna brooklyn cadence camille danielle delilah elise eliana elle elodie
    emery esmeralda evie faye fleur georgie harriett ivana jolene josie kiera kimberley laurel
    leanne lorelei lucie luna lyra mabel macy madeleine marguerite marnie martina melina mina
    miriam nell noelle odette ophelia orla perdita philippa poppy rebekah rosanna rosalyn roxana
    sabine sadie savannah shelby sheridan sienna skye stacey susie tallulah thalia tilly
    verity yolanda"""
)

MALE = word_set(
    """aaron abe abraham adam adrian aidan alan albert alec alexander alfie alfred algernon allan
    alonzo alvin ambrose amos andrew andy angus anthony antonio archibald archie arnold arthur
    august augustus austin barnaby barney barry bart bartholomew basil ben benedict benjamin
    bernard bert bertie bertram bill billy blake bob bobby boris brad bradley brandon brendan brian
    bruce bruno bryan byron caleb calvin cameron carl carlos cecil cedric chad charles charlie chester
    chris christian christopher clarence claude clement clifford clint clive clyde colin conrad
    cornelius craig curtis cyril cyrus dale damian damon dan daniel danny darren david dean declan
    dennis derek desmond dexter dick dominic don donald doug douglas duncan dustin dwight earl ed
    eddie edgar edmund edward edwin elias elijah elliot ellis elmer emil emmett eric ernest ernie
    ethan eugene evan ezra felix ferdinand fergus fitzwilliam floyd francis franklin fred freddie
    frederick gabriel gareth garrett gary gavin geoffrey george gerald gerard gilbert giles glen
    gordon graham grant greg gregory gus gustav guy hal hamish hank harold harry harvey hector henry
    herbert herman horace howard hubert hugh hugo humphrey ian ignatius isaac isaiah ivan jack jacob
    jake james jared jason jasper jeff jeffrey jeremiah jeremy jerome jerry jesse jim jimmy joe joel
    john johnny jonah jonathan joseph josh joshua jude julian julius justin karl keith ken kenneth
    kevin kurt lance larry laurence lawrence leo leon leonard leopold les lester levi lewis
    lionel lloyd logan lorenzo louis luca lucas lucius luke luther malcolm marcus mario marshall
    martin marvin matt matthew maurice max maximilian maxwell melvin michael mick mickey miguel mike
    miles milton mitchell montgomery morgan morris mortimer moses murray nathan nathaniel ned neil
    nelson neville nicholas nick nigel noah norman oliver omar oscar oswald otis otto owen patrick
    paul percival percy perry peter phil philip phillip pierre quentin ralph randall randolph raymond
    reginald rex richard rick ricky robert robin rodney roger roland ronald ronny rory ross roy
    rudolph rufus rupert russell ryan samuel saul scott seamus sean sebastian seth sidney silas simon
    solomon spencer stanley stefan stephen steve steven stuart ted teddy terence terry theo
    theodore thomas tim timothy toby todd tom tommy tony travis trevor tristan troy tyler ulysses
    victor vincent wade walter warren wayne wesley wilfred wilfrid william willie winston wyatt
    xavier zachary zack
    raj ravi arjun rahul vikram amir ahmed hassan omar yusuf kenji hiroshi takeshi akira haruki
    ichiro kazuo wei jian hamid karim khalid mustafa rashid tariq malik jamal darnell dwayne
    tyrone andre demetrius terrell chidi emeka obinna kwame kofi alejandro diego emilio
    fernando javier joaquin jorge jose juan manuel mateo pablo rafael ramon ricardo santiago
    sergio alessandro francesco giovanni giuseppe luigi marco matteo paolo pietro salvatore
    anders bjorn erik gunnar henrik lars magnus nils olaf sven torsten aleksei dmitri igor mikhail
    nikolai pavel sergei vladimir yuri fyodor klaus dieter heinrich helmut jurgen wolfgang lukas
    aidan cormac cian conor darragh eoin fionn niall oisin padraig ronan seamus dafydd gethin
    rhys emrys iain angus callum ewan fraser hamish lachlan ruaridh alistair archer asher
    barnabas beau brody carter cole colton dashiell easton elliott emmanuel everett ezekiel
    finn finley flynn gideon grayson harrison hudson jackson jasper jensen jonas kieran landon
    leland lincoln lorcan magnus micah nolan otto preston reuben rowland sawyer
    silas tobias wallace weston zane
    antony alberto carlo enrico eugenio federico gino giorgio guido roberto umberto vittorio
    achille armand gaston jacques leonce marcel raoul
    mordecai obadiah hezekiah jedediah ephraim enoch absalom thaddeus josiah zachariah"""
)

UNISEX = word_set(
    """alex ali ash ashley avery jean leslie bailey casey charlie dana drew eli frankie harper jamie jess jo
    jordan jules kai kelsey kim lee lou mackenzie max nicky pat quinn reese riley robin rowan sam
    sasha shannon shawn sidney skyler stevie sydney taylor toni tracey"""
)


def gender_of(name: str) -> str:
    """ "F", "M" or "U" for a given name, by its usual use."""
    lowered = name.lower()
    if lowered in UNISEX:
        return "U"
    if lowered in FEMALE:
        return "F"
    if lowered in MALE:
        return "M"
    return "U"


def is_given_name(name: str) -> bool:
    lowered = name.lower()
    return lowered in FEMALE or lowered in MALE or lowered in UNISEX
