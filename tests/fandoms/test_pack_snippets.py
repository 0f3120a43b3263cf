"""Every pack written after the first few finds its fandom from a handmade snippet and names the cast
as AO3's canonical character tags do, and ordinary prose sharing its riskiest names (common given
names, English words, names of history, legend or another canon) never gets its fandom.

One table per check, one row per pack: a new pack adds its snippet, its expected cast and its near
miss here. A near miss's row says which fandoms the text does get: none for ordinary prose, the other
pack's for another canon's story that shares the pack's names. The snippets are written for these
tests; expected names were checked by hand against the packs. Each pack's own rules (nicknames,
epithets, ships) are tested beside the other packs of its group (test_packs.py, test_more_packs.py,
test_packs_games_and_tv.py).
"""

from __future__ import annotations

import pytest

from fandex.fandom import guess_from_text
from fandex.fandoms import load_packs
from fandex.options import Options
from fandex.pipeline import run
from fandex.readers import from_text

ASOIAF = "A Song of Ice and Fire - George R. R. Martin"
ATLA = "Avatar: The Last Airbender"
BATMAN = "Batman - All Media Types"
BNHA = "僕のヒーローアカデミア | Boku no Hero Academia | My Hero Academia"
BSD = "文豪ストレイドッグス | Bungou Stray Dogs"
CRITICAL_ROLE = "Critical Role (Web Series)"
DANGANRONPA = "Dangan Ronpa - All Media Types"
FAIRY_TAIL = "Fairy Tail"
GENSHIN = "原神 | Genshin Impact (Video Game)"
HAZBIN = "Hazbin Hotel (Cartoon)"
HETALIA = "Hetalia: Axis Powers"
HXH = "Hunter X Hunter"
JJK = "呪術廻戦 | Jujutsu Kaisen (Anime)"
KNB = "黒子のバスケ | Kuroko no Basuke | Kuroko's Basketball"
LES_MIS = "Les Misérables - All Media Types"
MDZS = "魔道祖师 - 墨香铜臭 | Módào Zǔshī - Mòxiāng Tóngxiù"
ONE_PIECE = "One Piece"
PJO = "Percy Jackson and the Olympians - Rick Riordan"
POKEMON = "Pokemon - All Media Types"
SNK = "進撃の巨人 | Shingeki no Kyojin | Attack on Titan"
TGCF = "天官赐福 - 墨香铜臭 | Tiān Guān Cì Fú - Mòxiāng Tóngxiù"
TOLKIEN = "The Lord of the Rings - J. R. R. Tolkien"
YOI = "Yuri!!! on Ice (Anime)"
MIRACULOUS = "Miraculous: Tales of Ladybug & Cat Noir"
UMBRELLA_ACADEMY = "The Umbrella Academy (TV)"
CRIMINAL_MINDS = "Criminal Minds (US TV)"
GLEE = "Glee"
THE_100 = "The 100 (TV)"
LUCIFER = "Lucifer (TV)"
SANDERS_SIDES = "Sanders Sides"
UNDERTALE = "Undertale (Video Game)"
DETROIT = "Detroit: Become Human"
DAREDEVIL = "Daredevil (TV)"
OVERWATCH = "Overwatch (Video Game)"
HOMESTUCK = "Homestuck"
HOUSE = "House M.D."
ARCANE = "Arcane: League of Legends (Cartoon 2021)"
OWL_HOUSE = "The Owl House (Cartoon)"
GRAVITY_FALLS = "Gravity Falls"
SHE_RA = "She-Ra and the Princesses of Power (2018)"
STEVEN_UNIVERSE = "Steven Universe (Cartoon)"

SNIPPETS = {
    "Teen Wolf (TV)": (
        "The Jeep rattled up to the old Hale house long after midnight. Stiles killed the engine and "
        'glared at the porch. "You could just text, Sourwolf," he said. Derek didn\'t smile. "Deaton '
        'told Scott the hunters are back in Beacon Hills," Derek said. Stiles groaned and grabbed the '
        "baseball bat from the back seat, and Derek's eyes flashed red in the dark."
    ),
    "Merlin (TV)": (
        "The feast in Camelot had gone on too long. Arthur slumped on his throne and pretended to "
        'listen to the envoy from Mercia. "You look half asleep," Merlin murmured as he refilled '
        'the goblet. "Be quiet, Merlin," Arthur said. Across the hall Gwen hid a smile, and Gaius '
        "shook his head at both of them."
    ),
    BNHA: (
        "The dorms at Heights Alliance were quiet after curfew. Izuku crept down to the kitchen and "
        'found Kacchan already there, scowling at a pot of curry. "Go back to bed, Deku," he '
        'snapped. "You\'re up too," Izuku said. Upstairs, Kirishima laughed in his sleep, and '
        "somewhere Aizawa was surely grading quirk reports."
    ),
    "Haikyuu!!": (
        "Practice at Karasuno ran late again. Kageyama set the ball for the hundredth time and "
        'Hinata leapt for it, palm high. "Again!" Hinata shouted. Suga laughed from the bench while '
        'Daichi counted the balls. "You two are going to break the gym," Tsukishima said, and '
        "Yamaguchi hid a grin behind his water bottle."
    ),
    "Doctor Who (2005)": (
        "The TARDIS wheezed into being on a hillside, and the Doctor threw the doors open with a "
        'grin. "Barcelona!" he said. "The planet, not the city." Rose stepped out after him and '
        "laughed at the purple sky. Behind them Captain Jack was already flirting with the locals, "
        "and the Doctor waved the sonic screwdriver at him in warning."
    ),
    "Good Omens (TV)": (
        "Rain drummed on the windows of the bookshop in Soho. Aziraphale poured the cocoa while "
        'Crowley sprawled across the sofa, sunglasses pushed up into his hair. "You could have '
        'driven the Bentley, angel," Crowley said. "And ruin the upholstery?" Aziraphale sniffed. '
        "Gabriel had not called in weeks; neither of them missed him."
    ),
    "Star Trek": (
        "The bridge of the Enterprise was quiet on the night shift. Kirk swivelled in the captain's "
        'chair and grinned at his first officer. "Admit it, Spock, you missed me." Spock raised an '
        'eyebrow. "That would be illogical, Captain." From the turbolift Bones snorted, and Uhura '
        "hid a smile behind her console."
    ),
    "Dragon Age (Video Games)": (
        "Skyhold's tavern was loud that night. Varric shuffled the cards and grinned across the "
        'table. "Your deal, Curly," he said. Cullen groaned, and Dorian laughed so hard he spilled '
        "his wine. Cassandra watched from the doorway, arms folded, and pretended not to be amused "
        "while the Chantry bells rang the hour."
    ),
    "The Witcher (TV)": (
        "Snow had closed the pass to Kaer Morhen by the time they reached it. Geralt led Roach "
        'through the gate while Jaskier complained about his boots. "You could have warned me, '
        'Geralt," he said. Eskel laughed from the wall, and Ciri ran down the steps to meet them, '
        "her silver hair bright against the stone."
    ),
    "Stranger Things (TV 2016)": (
        "The lights in the Byers house flickered again. Will froze on the stairs, and Mike grabbed "
        'his sleeve. "It\'s the Upside Down," Dustin whispered. Eleven wiped her nose and stepped '
        "in front of them. Out in the woods of Hawkins something moved, and Steve lifted his bat "
        "with a sigh."
    ),
    "Voltron: Legendary Defender": (
        "The Castle of Lions hummed around them in the dark. Lance found Keith on the observation "
        'deck, knees pulled up, staring at the stars. "Couldn\'t sleep either, Mullet?" Lance '
        'asked. Keith shrugged. "Shiro says we leave for Olkarion at dawn," he said, and Lance sat '
        "down beside him without another word."
    ),
    GENSHIN: (
        "Liyue Harbor glittered under the lanterns. Childe leaned on the railing and grinned at "
        'Zhongli, who had forgotten his Mora again. "Dinner is on me, xiansheng," Childe said. '
        "Lumine rolled her eyes, and Paimon complained loudly that she was starving while the "
        "Fatui guards pretended not to listen."
    ),
    "Fullmetal Alchemist": (
        "The train from East City ran two hours late. Ed slouched against the window with his automail "
        'arm folded over his chest, and Al sat wedged into the corner of the compartment. "The Colonel '
        'is going to be furious, Brother," Al said. "Let him," Ed muttered. At Central Command, Mustang '
        "was already waiting, and Hawkeye stood at his shoulder with the report in her hand."
    ),
    SNK: (
        "Rain hammered the windows of the Survey Corps headquarters. Eren scrubbed the same stretch of "
        'floor for the third time while Levi watched from the doorway. "Again," Levi said. Armin '
        "slipped in with a stack of maps, and Mikasa followed, her scarf pulled up to her chin. "
        "Somewhere upstairs Hange was shouting about the Beast Titan again."
    ),
    MDZS: (
        "Mist hung low over the Cloud Recesses. Wei Ying sprawled on the roof of the Jingshi with a jar "
        'of Emperor\'s Smile and grinned down at Lan Zhan. "Hanguang-jun, come up, the view is better," '
        "he called. Lan Zhan did not answer, but he set Bichen aside. In the courtyard Sizhui and "
        "Jingyi pretended not to see."
    ),
    TGCF: (
        "Rain fell on Puqi Shrine all night. Xie Lian mended the roof by lamplight while San Lang held "
        'the ladder and laughed at him. "Dianxia, let me," San Lang said. Xie Lian shook his head and '
        "handed him the hammer anyway. Far off in the Heavenly Capital, Ling Wen was surely still "
        "awake, and Feng Xin and Mu Qing were surely still quarrelling."
    ),
    PJO: (
        "Camp Half-Blood was loud with cicadas. Percy dragged himself out of the lake and flopped onto "
        'the dock beside Annabeth. "Seaweed Brain, you are dripping on my notes," she said. Grover '
        "laughed from the canoe, and up on the hill Nico and Will were arguing about cabin inspection "
        "again."
    ),
    BATMAN: (
        "Rain drummed on the roof of the Batcave. Bruce did not look up from the monitors when Dick came "
        'down the stairs, still in half his Nightwing suit. "Alfred says you have not eaten," Dick '
        "said. Behind him Jason leaned on the railing with his helmet under his arm, and Tim was asleep "
        "at the workbench again. Over Gotham the Bat-Signal burned against the clouds."
    ),
    ATLA: (
        "The tea shop in Ba Sing Se closed at sundown. Zuko swept the floor while Iroh counted the "
        'takings and hummed. "You missed a spot, Sparky," Toph said from the doorway. Behind her '
        "Sokka was already arguing with Katara about dinner, and Aang had let Appa eat half the "
        "flowers in the square."
    ),
    JJK: (
        "The dorms at Jujutsu High were quiet after the mission. Yuji raided the fridge while Megumi "
        "pretended to read, and Nobara complained that Gojo-sensei had eaten the last of her cake. "
        '"Cursed energy burns sugar," Gojo said from the doorway, blindfold pushed up, and Nanami '
        "sighed behind him."
    ),
    ONE_PIECE: (
        "The Thousand Sunny rocked at anchor off Water 7. Luffy hung upside down from the figurehead, "
        'begging Sanji for meat, while Zoro slept against the mast. "Shut up, Marimo," Sanji said when '
        "Zoro laughed in his sleep. Nami counted her berries at the table, and Usopp and Chopper were "
        "fishing off the stern."
    ),
    FAIRY_TAIL: (
        "The guild hall in Magnolia Town was loud as ever. Natsu and Gray were brawling over a broken "
        'table again, and Lucy hid behind the bar. "Flame Brain started it," Gray said. Erza set down '
        "her cake, and both of them went quiet at once. Juvia watched Gray from behind a pillar while "
        "Happy flew off with the last fish."
    ),
    HETALIA: (
        "The World Meeting had dragged on for three hours. Alfred slammed his hands on the table and "
        'announced that he had a plan, and Arthur groaned into his tea. "Sit down, you git," Arthur '
        "said. Across the room Feliciano was asking Ludwig whether there would be pasta at lunch, and "
        "Gilbert laughed so loudly that Roderich glared at him. Ivan only smiled, and Toris edged his "
        "chair away."
    ),
    TOLKIEN: (
        "The road out of Hobbiton was wet with rain. Frodo pulled his hood lower and Sam trudged "
        'beside him with the pots clanking on his pack. "Mr. Frodo, we ought to stop at Bree," Sam '
        "said. Behind them Merry and Pippin argued about second breakfast, and far away in Rivendell "
        "Gandalf was waiting with Aragorn and Legolas."
    ),
    ASOIAF: (
        "Snow fell thick over Winterfell. Sansa stood on the battlements with her cloak drawn tight, "
        'and Jon climbed up to stand beside her. "The maesters say it will be a long winter," he '
        "said. Below them Arya was drilling with Needle in the yard while Brienne watched, and a "
        "raven from King's Landing had brought word that Cersei still held the Iron Throne."
    ),
    LES_MIS: (
        "The back room of the Musain was loud with argument. Enjolras stood on a chair and spoke of"
        ' the barricades, and Grantaire, slumped in the corner with a bottle, toasted him. "Sit '
        'down, Apollo," Grantaire called. Combeferre sighed, Courfeyrac laughed, and Jehan went on '
        "writing his poem. Marius came in late, talking of a girl in the Luxembourg called Cosette."
    ),
    BSD: (
        "The Armed Detective Agency was quiet for once. Dazai lay across the sofa with a book on "
        "double suicide while Kunikida shouted at him to do his paperwork. Atsushi brought tea, and"
        " Ranpo demanded sweets. Across the city, in the Port Mafia headquarters, Chuuya threw his "
        "hat onto the desk and swore that he would kill that mackerel one day, while Akutagawa "
        "coughed in the doorway."
    ),
    HXH: (
        "The Hunter Exam had been brutal, but Gon only grinned when they reached Whale Island. "
        "Killua trailed behind him, hands in his pockets, complaining that Aunt Mito would make him"
        " eat vegetables. \"You're a Zoldyck, you'll survive,\" Kurapika said drily, and Leorio "
        "laughed. Somewhere far away Hisoka shuffled a deck of cards and thought about ripe fruit "
        "and Nen."
    ),
    CRITICAL_ROLE: (
        "The Mighty Nein made camp on the road out of Zadash. Caleb read by the fire with Frumpkin "
        "curled in his lap while Jester painted a rude picture on Fjord's boot. Beau and Yasha "
        'sparred in the dark, and Caduceus brewed tea for everyone. "We should reach Nicodranas in '
        'three days," Fjord said, and Veth raised her crossbow in a sleepy salute.'
    ),
    HAZBIN: (
        "The lobby of the Hazbin Hotel smelled of burnt coffee again. Charlie bounced on her heels,"
        " explaining her newest redemption exercise, while Vaggie checked the doors for the third "
        "time. Angel Dust lounged across the bar and begged Husker for another drink. From the "
        "shadows Alastor watched them all with his endless smile, and Niffty swept the same corner "
        "for an hour."
    ),
    DANGANRONPA: (
        "The class trial room at Hope's Peak Academy was silent. Naegi swallowed hard and looked "
        "across the circle at Kirigiri, who gave him the smallest nod. Togami sneered, Asahina "
        "clenched her fists, and Hagakure muttered about his crystal ball. On his throne Monokuma "
        "laughed and laughed, and somewhere far away Komaeda was already talking about hope."
    ),
    POKEMON: (
        "The stadium in Hammerlocke roared as the lights came up. Raihan grinned into his phone, "
        "taking one more selfie before the match, while Leon adjusted his cape and pretended not to"
        ' be nervous. In the stands Hop waved a towel over his head. "Win this and you owe me '
        'curry," Raihan called, and Leon laughed and sent out Charizard.'
    ),
    "Final Fantasy VII": (
        "The bar was empty after closing. Tifa wiped down the counter of Seventh Heaven while Cloud "
        'leaned in the doorway, the Buster Sword still strapped to his back. "Marlene wants you to '
        "read to her,\" Tifa said. Cloud nodded. Far above Midgar the reactors hummed, and Barret's "
        "snoring carried down the stairs."
    ),
    "Mass Effect Trilogy": (
        "The ship hummed around them on the night cycle. Garrus was calibrating the guns again when "
        'Shepard came down to the battery. "Tali says the drive core is fine," Shepard said. Garrus '
        'flicked a mandible. "Then tell Joker to stop flying like a krogan." Up in her office, Liara '
        "was still reading Prothean data, and the turian laughed."
    ),
    "Hannibal (TV)": (
        '"You look tired, Will," Hannibal said, setting the plate down. Will did not look up from the '
        'case file Jack Crawford had left on the table. "The Chesapeake Ripper does not sleep either," '
        "he said. At Wolf Trap his dogs were waiting; Alana had promised to feed them."
    ),
    YOI: (
        "Hasetsu was grey with winter rain. Yuuri laced his skates in the empty rink while Viktor leaned "
        'on the barrier, Makkachin asleep at his feet. "Again, from the quad flip," Viktor said. Yurio '
        "snorted from the bench, and Phichit took a photo of all three of them."
    ),
    "The Magnus Archives (Podcast)": (
        "The Archives were cold after midnight. Jon pressed play on the tape recorder and began to "
        'read while Martin set a mug of tea at his elbow. "Statement ends," Jon said at last. Basira '
        "leaned in the doorway with her arms folded, and somewhere above them Elias was watching, as "
        "he always was in the Magnus Institute."
    ),
    "Shadowhunters (TV)": (
        "The loft in Brooklyn smelled of sandalwood. Magnus snapped his fingers and the candles lit "
        'themselves while Alec unbuckled his quiver. "Izzy says the Clave wants a report by dawn," '
        "Alec said. Magnus only smiled. Across town Clary was drawing runes on Jace's arm with her "
        "stele, and Simon was complaining about the Downworlders at the Hunter's Moon."
    ),
    "X-Men - All Media Types": (
        "The chessboard sat between them in the study at Xavier's School for Gifted Youngsters. "
        'Charles moved his knight and smiled as Erik frowned at the board. "You are cheating, my '
        'friend," Erik said. "I never touched your mind," Charles said. Down the hall Hank was '
        "tinkering with Cerebro again, and Raven rolled her eyes at both of them."
    ),
    "Star Trek: The Next Generation": (
        "The bridge was quiet on the night shift. Picard set down his tea and turned to Riker. "
        '"Number One, you have the bridge." Data looked up from the operations console. "Captain, '
        'the Ferengi vessel is hailing us." Worf growled at tactical, and Troi hid a smile.'
    ),
    "Hunger Games Series - All Media Types": (
        "The Seam was grey with coal dust when Katniss slipped under the fence. Gale was already "
        'waiting in the woods with his bow. "Happy Hunger Games," he said, and she almost laughed. '
        "Back in District 12 Prim was feeding the goat, and Peeta was carrying loaves from the bakery."
    ),
    "Twilight Series - Stephenie Meyer": (
        "Rain drummed on the glass walls of the house above Forks. Bella curled up on the couch while "
        'Edward played the piano, and Alice danced in from the kitchen. "Carlisle says the Volturi '
        'have sent word," she said. Emmett groaned, and Rosalie did not look up from her magazine.'
    ),
    KNB: (
        "The gym at Seirin smelled of sweat and floor wax. Kagami went up for the dunk and nearly "
        'crashed into Kuroko, who had appeared out of nowhere again. "Stop doing that!" Kagami yelled. '
        'Riko blew her whistle, and from the doorway Kise waved. "Kurokocchi, play with me next!"'
    ),
    MIRACULOUS: (
        "The bakery smelled of croissants when Marinette came down the stairs, her sketchbook under "
        'her arm. "You\'re late again, girl," Alya said, and Tikki giggled from inside the purse. At '
        "school Adrien waved from the steps, and Nino bumped his fist. That night an akuma rose "
        "over the Seine, and Chat Noir landed on the roof beside her. Plagg, he said later, had "
        "eaten all the Camembert. Hawk Moth would not win."
    ),
    UMBRELLA_ACADEMY: (
        "The Academy was dark when Five blinked into the kitchen, still thirteen and furious about "
        'it. Klaus was eating cereal on the counter. "Ben says hi," Klaus said. Diego threw a knife '
        "into the doorframe, Luther lumbered past with a jar of peanut butter, and Allison rolled "
        "her eyes. Upstairs Vanya was playing the violin, and Pogo watched them all from the "
        "portrait of Sir Reginald."
    ),
    CRIMINAL_MINDS: (
        "The jet was quiet over Kansas. Reid sat with three case files open on his knees while "
        'Morgan slept with his headphones on. "The unsub is escalating," Hotch said, and Prentiss '
        "nodded. JJ was on the phone with the local police, and on the laptop screen Garcia was "
        "already pulling the victimology. Rossi poured himself coffee and said nothing."
    ),
    GLEE: (
        "The choir room at McKinley smelled of floor polish. Kurt smoothed his scarf while Rachel "
        'argued with Mr. Schue about the solo for Sectionals. "Sit down, Berry," Santana drawled, '
        "and Brittany laughed. Finn drummed on his knees; Puck winked at Quinn, and Artie rolled in "
        "late with Tina. After practice Blaine was waiting in the car park, still in his Dalton "
        "blazer."
    ),
    THE_100: (
        "The dropship was cold at night. Clarke sat by the fire with her sketchbook while Bellamy "
        'checked the guns. "Princess," he said, "get some sleep." Octavia Blake laughed from the '
        "trees; Raven Reyes was still swearing at the radio, and Murphy had stolen the last of the "
        "nuts. Somewhere past Mount Weather the Grounders were watching, and in Polis Lexa was "
        "waiting."
    ),
    LUCIFER: (
        "Lux was empty at four in the morning. Lucifer played the piano while Chloe Decker read the "
        'case file at the bar. "You could help, you know," the detective said. "I am helping, '
        'Detective," Lucifer said. Maze poured herself a drink, Amenadiel frowned from the stairs, '
        "and Ella had texted twice about the blood spatter. Dr. Linda would have something to say."
    ),
    SANDERS_SIDES: (
        "The Mindscape was quiet for once. Patton was baking cookies in the kitchen while Logan "
        'read by the window. "Kiddo, do you want sprinkles?" Patton asked. Virgil slouched on the '
        "couch with his hood up, and Roman swept in with a sword and a song about dragons. "
        "Somewhere down the hall Janus was watching them all, and Thomas sighed."
    ),
    UNDERTALE: (
        "Snow fell on Snowdin as Frisk walked past the sentry station. Sans winked from behind the "
        'counter. "hey, kid. wanna hot dog?" Papyrus was shouting about puzzles, and somewhere in '
        "Waterfall Undyne was training. Toriel had packed a slice of butterscotch pie, and Flowey "
        "watched from the grass with his terrible smile. At the lab Alphys was writing fan fiction."
    ),
    DETROIT: (
        "The precinct was nearly empty when Connor came in out of the rain, his LED spinning "
        'yellow. Hank Anderson looked up from the desk. "CyberLife sent you again?" he asked. Gavin '
        "Reed sneered from the coffee machine, and Captain Fowler shouted from his glass office "
        "about the deviants at the old Jericho ship. Connor picked the thirium off his sleeve and "
        "sat down."
    ),
    DAREDEVIL: (
        "The office of Nelson and Murdock smelled of cold coffee. Foggy was arguing with the "
        'printer while Karen sorted the files. "Matt, you look like you got hit by a truck," she '
        "said. Matt Murdock only smiled behind his glasses. That night, over the rooftops of Hell's "
        "Kitchen, Frank Castle was waiting for him, and somewhere in a glass tower Wilson Fisk "
        "looked at a painting."
    ),
    OVERWATCH: (
        "Watchpoint Gibraltar was quiet after the mission. McCree leaned in the doorway of the "
        'kitchen, hat tipped low, while Hanzo made tea. "Your brother says you cheat at cards," '
        "McCree said. Genji laughed from the roof. In the med bay Angela Ziegler patched up Lena "
        "Oxton, Reinhardt sang in the shower, and Winston was still typing at his console."
    ),
    HOMESTUCK: (
        "The meteor was quiet on the third year of the trip. Karkat sat in the common room yelling "
        'at a movie while Dave Strider leaned on the couch beside him. "You know that is not how '
        'quadrants work," Karkat said. Dave shrugged. Down the hall Rose Lalonde and Kanaya were '
        "reading, and Terezi was licking the walls again. Back on Earth John Egbert had left a "
        "Pesterchum message nobody had answered."
    ),
    HOUSE: (
        "The whiteboard was covered in symptoms again. House tapped it with his cane and glared at "
        'the team. "It\'s not lupus," he said. Foreman rolled his eyes, Chase went to run the tests, '
        "and Dr. Cameron said the patient was scared. Down the hall Wilson was eating House's lunch, "
        "and Cuddy was waiting in her office with his clinic hours at Princeton-Plainsboro."
    ),
    ARCANE: (
        "The Last Drop was loud that night. Vi leaned on the bar while Caitlyn Kiramman pretended not "
        'to watch the door. "She was Powder once," Vi said. Across the room Ekko was arguing with '
        "Sevika, and up in Piltover Jayce had not left the lab since Viktor fell ill. Somewhere below, "
        "Jinx was painting the walls of Silco's old office pink."
    ),
    OWL_HOUSE: (
        "Hooty would not stop singing at the door of the Owl House. Luz Noceda ran past him with a "
        "glyph in each hand, late for Hexside again, and Amity Blight was waiting at the gate with "
        'two coffees. "Eda says the palismen are ready," Luz said. Back in Bonesborough, Willow Park '
        "and Gus Porter were arguing over the last of the apple blood."
    ),
    GRAVITY_FALLS: (
        "The Mystery Shack opened late that Saturday. Grunkle Stan counted the till twice while Soos "
        "fixed the sign, and Wendy Corduroy read a magazine behind the counter. Dipper Pines had Journal "
        '3 open on the porch. "Bill Cipher lied to us," he said. Mabel Pines only hugged Waddles '
        "tighter, and up at the manor Pacifica Northwest was watching the rain."
    ),
    SHE_RA: (
        "Bright Moon's halls were quiet after the war. Adora found Catra on the balcony, tail "
        'flicking. "You could have stayed in the Fright Zone," Adora said. Catra shrugged. Below, '
        "Glimmer was arguing with Bow about the map, Entrapta had taken apart the kitchen again, and "
        "Scorpia was teaching Perfuma to arm-wrestle."
    ),
    STEVEN_UNIVERSE: (
        "The temple door glowed pink, and Steven Universe ran out onto the sand of Beach City with a "
        'bag of Cookie Cats. "The Crystal Gems are home!" he shouted. Pearl was already cleaning the '
        "kitchen, Amethyst was asleep on the couch, and Garnet only smiled. Connie Maheswaran waved "
        "from the boardwalk, and Lapis Lazuli watched the sea from the barn with Peridot."
    ),
}
CAST = {
    "Teen Wolf (TV)": {"Stiles Stilinski", "Derek Hale", "Scott McCall", "Alan Deaton"},
    "Merlin (TV)": {"Merlin (Merlin)", "Arthur Pendragon (Merlin)", "Gwen (Merlin)", "Gaius (Merlin)"},
    BNHA: {"Midoriya Izuku", "Bakugou Katsuki", "Kirishima Eijirou", "Aizawa Shouta"},
    "Doctor Who (2005)": {"The Doctor (Doctor Who)", "Rose Tyler", "Jack Harkness"},
    "Good Omens (TV)": {"Aziraphale (Good Omens)", "Crowley (Good Omens)", "Gabriel (Good Omens)"},
    "Star Trek": {"James T. Kirk", "Spock", "Leonard McCoy", "Nyota Uhura"},
    "Dragon Age (Video Games)": {
        "Varric Tethras",
        "Cullen Rutherford",
        "Dorian Pavus",
        "Cassandra Pentaghast",
    },
    "The Witcher (TV)": {
        "Geralt z Rivii | Geralt of Rivia",
        "Jaskier | Dandelion",
        "Eskel (The Witcher)",
        "Cirilla Fiona Elen Riannon | Ciri",
    },
    "Stranger Things (TV 2016)": {
        "Will Byers",
        "Mike Wheeler",
        "Dustin Henderson",
        "Eleven (Stranger Things)",
        "Steve Harrington",
    },
    "Voltron: Legendary Defender": {"Keith (Voltron)", "Lance (Voltron)", "Shiro (Voltron)"},
    GENSHIN: {
        "Tartaglia | Childe (Genshin Impact)",
        "Zhongli (Genshin Impact)",
        "Lumine (Genshin Impact)",
        "Paimon (Genshin Impact)",
    },
    "Haikyuu!!": {
        "Kageyama Tobio",
        "Hinata Shouyou",
        "Sugawara Koushi",
        "Sawamura Daichi",
        "Tsukishima Kei",
        "Yamaguchi Tadashi",
    },
    "Fullmetal Alchemist": {"Edward Elric", "Alphonse Elric", "Roy Mustang", "Riza Hawkeye"},
    SNK: {"Eren Yeager", "Levi Ackerman", "Armin Arlert", "Mikasa Ackerman", "Hange Zoë"},
    MDZS: {"Wèi Yīng | Wèi Wúxiàn", "Lán Zhàn | Lán Wàngjī", "Lán Yuàn | Lán Sīzhuī", "Lán Jǐngyí"},
    TGCF: {
        "Xiè Lián (Tiān Guān Cì Fú)",
        "Huā Chéng (Tiān Guān Cì Fú)",
        "Líng Wén (Tiān Guān Cì Fú)",
        "Fēng Xìn (Tiān Guān Cì Fú)",
        "Mù Qíng (Tiān Guān Cì Fú)",
    },
    PJO: {"Percy Jackson", "Annabeth Chase", "Grover Underwood", "Nico di Angelo", "Will Solace"},
    BATMAN: {"Bruce Wayne", "Dick Grayson", "Alfred Pennyworth", "Jason Todd", "Tim Drake"},
    ATLA: {
        "Zuko (Avatar)",
        "Iroh (Avatar)",
        "Toph Beifong",
        "Sokka (Avatar)",
        "Katara (Avatar)",
        "Aang (Avatar)",
    },
    JJK: {"Itadori Yuuji", "Fushiguro Megumi", "Kugisaki Nobara", "Gojo Satoru", "Nanami Kento"},
    ONE_PIECE: {
        "Monkey D. Luffy",
        "Vinsmoke Sanji",
        "Roronoa Zoro",
        "Nami (One Piece)",
        "Usopp (One Piece)",
        "Tony Tony Chopper",
    },
    FAIRY_TAIL: {
        "Natsu Dragneel",
        "Gray Fullbuster",
        "Lucy Heartfilia",
        "Erza Scarlet",
        "Juvia Lockser",
        "Happy (Fairy Tail)",
    },
    HETALIA: {
        "America (Hetalia)",
        "England (Hetalia)",
        "North Italy (Hetalia)",
        "Germany (Hetalia)",
        "Prussia (Hetalia)",
        "Austria (Hetalia)",
        "Russia (Hetalia)",
    },
    TOLKIEN: {
        "Frodo Baggins",
        "Samwise Gamgee",
        "Meriadoc Brandybuck",
        "Peregrin Took",
        "Gandalf (Tolkien)",
        "Aragorn (Tolkien)",
        "Legolas Greenleaf",
    },
    ASOIAF: {"Sansa Stark", "Jon Snow", "Arya Stark", "Brienne of Tarth", "Cersei Lannister"},
    LES_MIS: {
        "Enjolras (Les Misérables)",
        "Grantaire (Les Misérables)",
        "Combeferre (Les Misérables)",
        "Courfeyrac (Les Misérables)",
        "Jehan Prouvaire",
        "Marius Pontmercy",
        "Cosette Fauchelevent",
    },
    BSD: {
        "Dazai Osamu (Bungou Stray Dogs)",
        "Kunikida Doppo (Bungou Stray Dogs)",
        "Nakajima Atsushi (Bungou Stray Dogs)",
        "Edogawa Ranpo (Bungou Stray Dogs)",
        "Nakahara Chuuya (Bungou Stray Dogs)",
        "Akutagawa Ryuunosuke (Bungou Stray Dogs)",
    },
    HXH: {
        "Gon Freecss",
        "Killua Zoldyck",
        "Kurapika (Hunter X Hunter)",
        "Leorio Paradinight",
        "Hisoka Morow",
        "Mito Freecss",
    },
    CRITICAL_ROLE: {
        "Caleb Widogast",
        "Jester Lavorre",
        "Fjord (Critical Role)",
        "Beauregard Lionett",
        "Yasha Nydoorin",
        "Caduceus Clay",
        "Veth Brenatto",
    },
    HAZBIN: {
        "Charlie Magne | Morningstar",
        "Vaggie (Hazbin Hotel)",
        "Angel Dust (Hazbin Hotel)",
        "Husk (Hazbin Hotel)",
        "Alastor (Hazbin Hotel)",
        "Niffty (Hazbin Hotel)",
    },
    DANGANRONPA: {
        "Naegi Makoto",
        "Kirigiri Kyouko",
        "Togami Byakuya",
        "Asahina Aoi",
        "Hagakure Yasuhiro",
        "Monokuma (Dangan Ronpa)",
        "Komaeda Nagito",
    },
    POKEMON: {"Raihan (Pokemon)", "Leon (Pokemon)", "Hop (Pokemon)"},
    "Final Fantasy VII": {"Cloud Strife", "Tifa Lockhart", "Marlene Wallace", "Barret Wallace"},
    "Mass Effect Trilogy": {
        "Commander Shepard (Mass Effect)",
        "Garrus Vakarian",
        "Tali'Zorah vas Normandy",
        "Liara T'Soni",
    },
    "Hannibal (TV)": {"Hannibal Lecter", "Will Graham", "Jack Crawford", "Alana Bloom"},
    YOI: {"Katsuki Yuuri", "Victor Nikiforov", "Yuri Plisetsky", "Phichit Chulanont"},
    "The Magnus Archives (Podcast)": {
        "Jonathan Sims",
        "Martin Blackwood",
        "Basira Hussain",
        "Elias Bouchard",
    },
    "Shadowhunters (TV)": {
        "Magnus Bane",
        "Alec Lightwood",
        "Isabelle Lightwood",
        "Clary Fray",
        "Jace Wayland",
        "Simon Lewis",
    },
    "X-Men - All Media Types": {"Charles Xavier", "Erik Lehnsherr", "Hank McCoy", "Raven Darkholme"},
    "Star Trek: The Next Generation": {
        "Jean-Luc Picard",
        "William Riker",
        "Data (Star Trek)",
        "Worf (Star Trek)",
        "Deanna Troi",
    },
    "Hunger Games Series - All Media Types": {
        "Katniss Everdeen",
        "Gale Hawthorne",
        "Primrose Everdeen",
        "Peeta Mellark",
    },
    "Twilight Series - Stephenie Meyer": {
        "Bella Swan",
        "Edward Cullen",
        "Alice Cullen",
        "Carlisle Cullen",
        "Emmett Cullen",
        "Rosalie Hale",
    },
    KNB: {"Kagami Taiga", "Kuroko Tetsuya", "Aida Riko", "Kise Ryouta"},
    MIRACULOUS: {
        "Adrien Agreste",
        "Alya Césaire",
        "Gabriel Agreste",
        "Marinette Dupain-Cheng",
        "Nino Lahiffe",
        "Plagg (Miraculous Ladybug)",
        "Tikki (Miraculous Ladybug)",
    },
    UMBRELLA_ACADEMY: {
        "Allison Hargreeves",
        "Ben Hargreeves",
        "Diego Hargreeves",
        "Klaus Hargreeves",
        "Luther Hargreeves",
        "Number Five | The Boy",
        "Pogo (Umbrella Academy)",
        "Reginald Hargreeves",
        "Viktor Hargreeves",
    },
    CRIMINAL_MINDS: {
        "Aaron Hotchner",
        "David Rossi",
        "Derek Morgan",
        "Emily Prentiss",
        'Jennifer "JJ" Jareau',
        "Penelope Garcia",
        "Spencer Reid",
    },
    GLEE: {
        "Artie Abrams",
        "Blaine Anderson",
        "Brittany S. Pierce",
        "Finn Hudson",
        "Kurt Hummel",
        "Noah Puckerman",
        "Quinn Fabray",
        "Rachel Berry",
        "Santana Lopez",
        "Tina Cohen-Chang",
        "Will Schuester",
    },
    THE_100: {
        "Bellamy Blake",
        "Clarke Griffin",
        "John Murphy",
        "Lexa (The 100)",
        "Octavia Blake",
        "Raven Reyes",
    },
    LUCIFER: {
        "Amenadiel (Lucifer TV)",
        "Chloe Decker",
        "Ella Lopez",
        "Linda Martin",
        "Lucifer Morningstar",
        "Mazikeen (Lucifer TV)",
    },
    SANDERS_SIDES: {
        "Anxiety | Virgil Sanders",
        "Creativity | Roman Sanders",
        "Deceit | Janus Sanders",
        "Logic | Logan Sanders",
        "Morality | Patton Sanders",
        "Thomas Sanders (Sanders Sides)",
    },
    UNDERTALE: {
        "Alphys (Undertale)",
        "Flowey (Undertale)",
        "Frisk (Undertale)",
        "Papyrus (Undertale)",
        "Sans (Undertale)",
        "Toriel (Undertale)",
        "Undyne (Undertale)",
    },
    DETROIT: {
        "Connor (Detroit: Become Human)",
        "Gavin Reed",
        "Hank Anderson",
        "Jeffrey Fowler",
    },
    DAREDEVIL: {
        "Foggy Nelson",
        "Frank Castle",
        "Karen Page",
        "Matt Murdock",
        "Wilson Fisk",
    },
    OVERWATCH: {
        "Angela Ziegler",
        "Cole Cassidy | Jesse McCree",
        "Genji Shimada",
        "Hanzo Shimada",
        "Lena Oxton",
        "Reinhardt Wilhelm",
        "Winston (Overwatch)",
    },
    HOMESTUCK: {
        "Dave Strider",
        "John Egbert",
        "Kanaya Maryam",
        "Karkat Vantas",
        "Rose Lalonde",
        "Terezi Pyrope",
    },
    HOUSE: {
        "Allison Cameron",
        "Eric Foreman",
        "Gregory House",
        "James Wilson",
        "Lisa Cuddy",
        "Robert Chase",
    },
    ARCANE: {
        "Caitlyn (League of Legends)",
        "Ekko (League of Legends)",
        "Jayce (League of Legends)",
        "Jinx (League of Legends)",
        "Sevika (League of Legends)",
        "Vi (League of Legends)",
        "Viktor (League of Legends)",
    },
    OWL_HOUSE: {
        "Amity Blight",
        "Eda Clawthorne",
        "Gus Porter",
        "Hooty (The Owl House)",
        "Luz Noceda",
        "Willow Park",
    },
    GRAVITY_FALLS: {
        "Bill Cipher",
        "Dipper Pines",
        "Mabel Pines",
        "Pacifica Northwest",
        "Soos Ramirez",
        "Stanley Pines",
        "Wendy Corduroy",
    },
    SHE_RA: {
        "Adora (She-Ra)",
        "Bow (She-Ra)",
        "Catra (She-Ra)",
        "Entrapta (She-Ra)",
        "Glimmer (She-Ra)",
        "Perfuma (She-Ra)",
        "Scorpia (She-Ra)",
    },
    STEVEN_UNIVERSE: {
        "Amethyst (Steven Universe)",
        "Connie Maheswaran",
        "Garnet (Steven Universe)",
        "Lapis Lazuli (Steven Universe)",
        "Pearl (Steven Universe)",
        "Peridot (Steven Universe)",
        "Steven Universe (Character)",
    },
}
# Prose sharing each pack's riskiest names without being its story, and the fandoms it does get.
NEAR_MISSES: dict[str, tuple[str, list[str]]] = {
    FAIRY_TAIL: (
        "Lucy read the fairy tale aloud while Wendy and Romeo built a castle of cushions. Gray clouds "
        "rolled over Magnolia Avenue, and their happy little dog, Sting, barked at the thunder. Cana, "
        "the babysitter, promised them hot chocolate if they were asleep by eight.",
        [],
    ),
    ONE_PIECE: (
        "Ace, the pilot, flew the mail plane out to the island every Tuesday. Robin ran the harbour "
        "cafe and Marco mended the boats, and the old sailors swore the brook on the hill ran with rum. "
        "The children knew the law of the sea by heart and played at pirates on the beach.",
        [],
    ),
    JJK: (
        "Megumi tied her apron and opened the ramen stand near the station. Yuki and Rika from the "
        "flower shop came by for lunch, and Momo brought the panda her niece had won at the fair. The "
        "curse of the place, the old cook liked to say, was that nobody ever left it hungry.",
        [],
    ),
    ATLA: (
        "Mai and June shared a flat above the record shop. Jet, the drummer, came by in the evenings, "
        "and they played the song Haru had written about the avatar of some old god in a film. The "
        "fire in the grate went out at midnight, and the water in the kettle was cold by morning.",
        [],
    ),
    BATMAN: (
        "Bruce and Dick ran the garage on Elm Street. Alfred, their uncle, kept the books, and Jason "
        "swept up on Saturdays. Tim from the bakery brought doughnuts and news of the Duke's statue in "
        "the square; Barbara at the library said some joker had painted its nose red.",
        [],
    ),
    PJO: (
        "Piper poured the coffee while Leo fixed the sink, and Phoebe read aloud from her book of Greek "
        "myths: Apollo drove the sun across the sky, Hermes carried messages, and the centaur Chiron "
        "taught Achilles in his cave. Percy, the neighbours' boy, wanted to hear about Poseidon.",
        [],
    ),
    TGCF: (
        "Pei and Shi opened the tea house by the river at dawn. The old emperor in the opera wore a "
        "crown of paper flowers, and the crown prince sang of ghosts in the rain. Ming, the cook, "
        "swore the city was haunted; Lang only laughed and poured another cup for the guests.",
        [],
    ),
    MDZS: (
        "Wen and Lan ran the noodle shop in Chinatown with their cousin Jin. Every morning Jiang brought "
        "the vegetables from the market, and the aunties argued over mahjong until the lanterns were "
        "lit. Qing, the youngest, wanted to study in Yunnan, and Ning wanted to follow her.",
        [],
    ),
    SNK: (
        "Levi and Connie drove out to the farm on Sunday. Sasha had baked, Marco had brought the beer, "
        "and Annie's little brother wanted to hear about the titans of Greek myth and the walls of "
        "Troy. Reiner, the exchange student from Hamburg, said the hills looked like home.",
        [],
    ),
    "Fullmetal Alchemist": (
        "Roy parked the old Mustang outside the diner, where Ed and Al were already arguing about the "
        "game. Rose brought the coffee and asked after their father; the county fair was in May, and "
        "Winston had entered his pride and joy, a prize hog, again. Envy was a sin, the pastor said.",
        [],
    ),
    GENSHIN: (
        "The grimoire listed the spirits in order: Paimon, a king who rides a dromedary; Barbatos, "
        "who understands the songs of birds; Morax, who teaches astronomy. Ajax, the boy's dog, "
        "slept under the table while the candle burned down and Amber turned the page.",
        [],
    ),
    "Voltron: Legendary Defender": (
        "Keith carried the lance back to the stables while Katie led the horses in. Matt had "
        "promised them a hunk of cheese and the last of the bread if they finished before the rain. "
        "Adam was already asleep by the fire, and the paladin of the old song had won his lady.",
        [],
    ),
    "Stranger Things (TV 2016)": (
        "Eleven o'clock struck as Mrs. Hawkins came down to breakfast. Nancy had laid the table and "
        "Jonathan was reading the paper; Billy the spaniel begged for toast. Will you take the "
        "carriage, Mike asked her, or shall I send for Steve from the farm?",
        [],
    ),
    "The Witcher (TV)": (
        "Julian picked a dandelion from the verge and blew the seeds at Lambert. The witch in the "
        "story their grandmother told had a black cat and a crooked house; a roach ran under the "
        "larder door. Lambert said he did not believe in witches, and Julian said nobody asked him.",
        [],
    ),
    "Dragon Age (Video Games)": (
        "Dorian leaned on the mantelpiece while Sebastian read aloud from the paper. Cassandra, "
        "their aunt, asked whether the Warden of the college had answered her letter; Cole the "
        "gardener was sent to the post. It was a grey afternoon, and nobody spoke of the war.",
        [],
    ),
    "Star Trek": (
        "Jim walked his mother to the Kirk every Sunday, past the harbour where the captain of the "
        "herring boat mended his nets. Leonard, the minister's son, read the lesson; afterwards "
        "the doctor called at the manse, and Scotty the dog slept by the fire.",
        [],
    ),
    "Good Omens (TV)": (
        "Crowley leaned against the Impala and smirked while Dean loaded the shotgun with rock salt. "
        '"Gabriel sends his regards," the demon said. Sam and Castiel traded a look. Somewhere in '
        "Hell, Adam was still waiting, and the holy water in the trunk would not hold the angel long.",
        ["Supernatural (TV 2005)"],
    ),
    "Doctor Who (2005)": (
        "The Doctor had been sent for at midnight. Rose sat by her mother's bed till dawn, while Jack "
        "rode to the village for the nurse; the Master of the college called twice to ask after the "
        "patient, and each time the Doctor sent him away with a shake of the head.",
        [],
    ),
    "Haikyuu!!": (
        "Naruto waited at the gates of Suna while Hinata counted the kunai twice. The Kazekage's "
        "messenger was late; the sand wind stung their eyes. Hinata pulled her hood up and "
        "activated her Byakugan, and far off Kiba's dog barked once.",
        ["Naruto"],
    ),
    BNHA: (
        "Mina opened the shutters of the tea house at seven. Her grandmother had run it before her, "
        "and the regulars still asked for the plum cakes the old woman made. A hero of the village "
        "team had scored twice on Sunday; Momo, the cat, slept through the celebrations.",
        [],
    ),
    "Merlin (TV)": (
        "Arthur drove Gwen to the station in the rain and stopped at the King's Head for a pint "
        "on the way back. Will was behind the bar, telling everyone about the knight he had seen "
        "at the fair, and a dragon kite hung from the beams. Arthur's mother called him a prince.",
        [],
    ),
    "Teen Wolf (TV)": (
        "Scott and Derek ran the hardware shop on Main Street with their cousin Peter. The sheriff "
        "came in on Tuesdays for nails, and Lydia at the till always asked after his wife. Nobody "
        "in town had ever seen a wolf, though Jackson swore he had heard one in the hills.",
        [],
    ),
    HETALIA: (
        "In the spring of 1940 England stood alone. France had fallen in six weeks, Germany held "
        "Norway and Denmark, and Russia watched from the east while America argued about neutrality. "
        "Arthur, the vicar's son, read the news aloud to his mother every evening, and Francis the "
        "evacuee from London listened with his chin on his knees.",
        [],
    ),
    TOLKIEN: (
        'Dean threw the ring onto the motel bed and flopped down beside it. "One ring to rule them '
        'all," he said, and Sam rolled his eyes. Castiel did not get the reference. "It\'s like '
        'walking into Mordor," Dean explained, "only with more demons." Bobby called at midnight '
        "about a hunt in Rivendale, Ohio, and Merry Christmas was still on the radio.",
        [],
    ),
    ASOIAF: (
        'Tony Stark landed on the roof of the tower and flipped up the faceplate. "Jon from '
        'accounting says the twins are back," Pepper said over the comm. Sam Wilson laughed. Tony '
        "told them he was the king in the north of Manhattan, and that winter was coming for anyone "
        "who touched his coffee.",
        ["Marvel Cinematic Universe"],
    ),
    LES_MIS: (
        "Marius had lived in Paris for six years before he opened the bakery. Every morning he "
        "walked past the cemetery of Montparnasse to buy flour, and every evening Madeleine came to"
        " help him close. They spoke of the revolution of 1789, of barricades, of the old songs, "
        "and of the inspector who had fined them twice.",
        [],
    ),
    BSD: (
        "The seminar on nineteenth-century fiction met on Thursdays. Professor Mori assigned Poe "
        "and Fitzgerald for the first week, then Dostoyevsky, Mark Twain and Lucy Maud Montgomery; "
        "Kenji, the exchange student from Yokohama, said he had read them all in translation, and "
        "Gin, the department cat, slept through every class.",
        [],
    ),
    HXH: (
        "Gon the fisherman flew his kite from the harbour wall every Sunday. His friend Wing, who "
        "ran the bakery, brought coffee, and a canary sang in the window above them. Neon signs "
        "flickered along the seafront; a boy practised his shoot on the football pitch, and the old"
        " men talked about the hunter who had gone missing in the hills.",
        [],
    ),
    CRITICAL_ROLE: (
        "Percy wiped the sand off his hands at Camp Half-Blood and waited for Annabeth. Pike, the "
        "new boy from Ohio, was telling everyone about the grog his uncle brewed, while Dorian from"
        " the Hermes cabin tried to sell Molly a trinket shaped like a key. Nobody had seen Chiron "
        "since breakfast.",
        ["Percy Jackson and the Olympians - Rick Riordan"],
    ),
    HAZBIN: (
        'Dean slammed the trunk of the Impala. "Lucifer\'s out of the cage again," he said. Sam '
        "looked up from the lore. Charlie had found three sightings in Ohio, and Castiel said Adam "
        "was still down there with Michael. Crowley, of course, had an offer; somewhere Lilith's "
        "old followers were counting on them to fail, and Rowena was humming an old radio tune.",
        ["Supernatural (TV 2005)"],
    ),
    DANGANRONPA: (
        "Practice ran late at Karasuno again. Hinata leapt for the quick and Kageyama's set was "
        "perfect; Suga cheered from the bench. Afterwards Hajime from Seijoh texted that Oikawa "
        "wanted a rematch, and Yamada from the third year lent Nanami her umbrella while Sakura "
        "waited for the bus with Leon and Maki.",
        ["Haikyuu!!", "Naruto", "呪術廻戦 | Jujutsu Kaisen (Anime)"],
    ),
    POKEMON: (
        "Ash swept the grate while Misty set the table, and Red the collie dozed by the stove. Dawn"
        " came early that winter. Brock the blacksmith called on Sundays with news of the Gold "
        "family and of Cynthia, who had gone to teach in the city; Steven read the paper aloud and "
        "James the lodger smoked his pipe.",
        [],
    ),
    "Final Fantasy VII": (
        "Vincent drove Elena to Reno on Valentine's Day. They read Genesis aloud in the motel while a "
        "cloud hung over the desert; Zack, the neighbour's boy, had lent them his copy of El Cid, and "
        "Wedge the spaniel slept on the rug.",
        [],
    ),
    "Mass Effect Trilogy": (
        "Miranda and Ashley walked the Normandy beaches with their grandmother, past the old citadel on "
        "the hill. Jack the terrier ran ahead, the shepherd waved from his field, and Anderson, the "
        "vicar, said a legion of gulls had taken the church roof.",
        [],
    ),
    "Hannibal (TV)": (
        "Hannibal crossed the Alps with his elephants in the spring. Will, the tutor, read the passage "
        "aloud to Jack and Abigail while Mason sharpened the pencils, and Graham the gardener came in "
        "at noon with the post.",
        [],
    ),
    YOI: (
        "Victor and Yuri played chess at the kitchen table while Leo poured the tea. Chris had gone "
        "to Detroit for the week to watch the free skate, and Katsuki, the exchange student, was "
        "asleep upstairs.",
        [],
    ),
    "The Magnus Archives (Podcast)": (
        "Martin and Tim carried the boxes up from the cellar while Elias read them the inventory. "
        "Daisy, the housekeeper, said the archives had not been opened since Gertrude died, and "
        "Melanie lit the lamps against the dark.",
        [],
    ),
    "Shadowhunters (TV)": (
        "Raphael painted the chapel ceiling while Simon ground the colours and Luke swept the floor. "
        "On Valentine's Day the bishop came to see it; Magnus, his secretary, read the Latin aloud, "
        "and Max the dog barked at the bells.",
        [],
    ),
    "X-Men - All Media Types": (
        "Logan drove Jean and Scott up to the lake house before the storm broke. Hank had left the "
        "key with Mrs. Summers, the Frosts' old nurse; a raven sat on the gatepost, and Charles, the "
        "retired colonel next door, came over with a bottle of wine and a beast of a dog.",
        [],
    ),
    "Star Trek: The Next Generation": (
        "The data from the survey lay on the desk. Will read it aloud while Beverly poured the tea "
        "and Alexander, her son, fed Spot the terrier; the old lore of the valley said the river had "
        "once run red, and O'Brien the carter swore it was true.",
        [],
    ),
    "Hunger Games Series - All Media Types": (
        "Snow fell on the forum as Caesar read the decree. Cato and Brutus stood by the statue of "
        "Coriolanus while Portia, in her grey cloak, counted the coins; Cinna the poet was late, and "
        "Plutarch would write it all down a century later.",
        [],
    ),
    "Twilight Series - Stephenie Meyer": (
        "Edward and Bella walked to church in the rain; Jacob the blacksmith and his wife Alice "
        "followed with Charlie, their boy, and Mr. Cullen the grocer. Jasper the spaniel ran ahead, "
        "and the old Carlisle road was deep in mud.",
        [],
    ),
    KNB: (
        "The Hyuuga compound was silent at dawn. Neji trained alone in the courtyard while Hinata "
        "watched; Akashi, the merchant from the coast, had come to buy silk, and Taiga the cat slept "
        "in the sun.",
        ["Naruto"],
    ),
    MIRACULOUS: (
        "Tom and Sabine ran a bakery in Paris. Every morning Max and Kim came for croissants, Rose "
        "bought a baguette for her grandmother, and Ivan the postman stopped for coffee. A ladybug "
        "landed on the windowsill, and the black cat from next door watched it from the roof.",
        [],
    ),
    UMBRELLA_ACADEMY: (
        "Five umbrellas stood in the hall of the old academy. Ben and Grace, the headmaster's "
        "children, played in the garden; Luther the gardener and Diego the cook argued about the "
        "roses, and Allison, the new teacher, rang the bell at noon.",
        [],
    ),
    CRIMINAL_MINDS: (
        "Derek and Emily ran the diner on Route 66 with Aaron, the cook. David read the paper at "
        "the counter, Penelope brought pie, Henry and Kevin played pool, Will the sheriff profiled "
        "every stranger, and Jack drove the school bus past at seven.",
        [],
    ),
    GLEE: (
        "Rachel and Finn sang in the church choir every Sunday. Sam played the organ, Mike and Tina "
        "handed out hymn books, and Sue the vicar's wife brought lemon cake. Mercedes, the "
        "choirmaster, said they would win the county competition, and nobody had heard of glee "
        "clubs in that town.",
        [],
    ),
    THE_100: (
        "A hundred ravens circled the tower. Raven Hale, the keeper, fed them every morning while "
        "Murphy the dog barked; her cousins Harper and Monty came up from the village with bread, "
        "and old Miller said the birds had been there since Lincoln was president.",
        [],
    ),
    LUCIFER: (
        "The vicar preached on Lucifer's fall that Sunday, and on Eve and Cain. Chloe sat in the "
        "front pew with her mother, Linda; Dan the organist played badly, and afterwards Michael "
        "and Gabriel carried the chairs back to the hall.",
        [],
    ),
    SANDERS_SIDES: (
        "Virgil wrote of the Roman roads. Logan read aloud from the Aeneid while Janus, the "
        "two-faced god, looked down from the temple door, and Remus and Romulus quarrelled on the "
        "Palatine hill. Thomas, their tutor, sighed and closed the book.",
        [],
    ),
    UNDERTALE: (
        "The sans-serif sign on the bakery door said closed. Frisk, the baker's terrier, slept by "
        "the oven while the skeleton staff of two kept the shop: Toria at the till and her brother "
        "Papi stacking the flour sacks. A flower grew from the crack in the step.",
        [],
    ),
    DETROIT: (
        "Connor and Markus drove to Detroit for the motor show. Kara met them at the station with "
        "her daughter Alice, and Simon and Josh had booked the hotel; North of the river the old "
        "factories stood empty, and Hank the mechanic said the androids would never replace him.",
        [],
    ),
    DAREDEVIL: (
        "Matt and Karen ran the bookshop by the castle. Frank, the postman, brought the parcels at "
        "noon, Claire read a page of every new novel, and old Nelson stood on his column in "
        "Trafalgar Square with a stick of a flagpole beside him.",
        [],
    ),
    OVERWATCH: (
        "The reaper came for the harvest in the autumn. Jack and Gabriel cut the wheat, Ana and "
        "Angela baked bread for the workers, Winston the sheepdog ran the fields, and the soldier "
        "home from the war showed mercy to the foxes.",
        [],
    ),
    HOMESTUCK: (
        "John and Dave ran the record shop on English Street with their cousins Rose and Jade. Jake "
        "the drummer came by on Fridays, Jane baked for the whole street, and Roxy and Dirk from "
        "the flat upstairs argued about the Harley parked outside.",
        [],
    ),
    HOUSE: (
        "Wilson and Cameron bought the old house on Chase Street in the spring. The foreman of the "
        "builders said the roof would hold; Lisa and James painted the kitchen, and the Speaker of "
        "the House came to dinner in June.",
        [],
    ),
    ARCANE: (
        "Caitlyn and Viktor ran the arcane bookshop on Powder Lane. Mel brought the post, a singed "
        "letter from Warwick among it, and the black cat the children called Jinx slept in the window "
        "under a sign for violet ink.",
        [],
    ),
    OWL_HOUSE: (
        "The King of the county rode out in the spring. Willow and Hunter, his pages, carried his "
        "bow; Lilith the cook packed bread, and Gus the stable boy swore there was amity between the "
        "old families now that the blight had passed the orchards.",
        [],
    ),
    GRAVITY_FALLS: (
        "Aunt Mabel took the children to the falls under the pines every summer. Stan and Ford, the "
        "twins from the farm, rowed the boat; Wendy wore her corduroy coat, Bill read the paper, and "
        "Dipper the spaniel barked at the gulls until Candy gave him a biscuit.",
        [],
    ),
    SHE_RA: (
        "Kyle drew his bow at the fair and hit the target twice. Lonnie laughed; a glimmer of light "
        "on the lake showed a sea hawk diving, and Micah, who had double trouble with his twins, "
        "swore the swift wind would bring rain by night.",
        [],
    ),
    STEVEN_UNIVERSE: (
        "Pearl and Ruby ran the jewellery shop by the harbour. Steven, their nephew, sorted the "
        "garnet and amethyst rings; Greg and Connie came by with sapphire earrings to mend, and Mr. "
        "Universe of 1998 bought a jasper pendant for his mother.",
        [],
    ),
}


@pytest.mark.parametrize("fandom", sorted(SNIPPETS))
def test_pack_detects_its_fandom_and_names_its_cast(fandom: str) -> None:
    work = run(from_text(SNIPPETS[fandom]), Options())
    assert [g.name for g in work.fandoms][:1] == [fandom]
    assert CAST[fandom] <= {c.name for c in work.characters}


def test_every_pack_with_a_snippet_has_its_cast_and_a_near_miss() -> None:
    assert set(SNIPPETS) == set(CAST) == set(NEAR_MISSES)


@pytest.mark.parametrize("fandom", sorted(NEAR_MISSES))
def test_near_miss_is_not_the_packs_fandom(fandom: str) -> None:
    text, expected = NEAR_MISSES[fandom]
    assert fandom not in expected
    assert [g.name for g in guess_from_text(text, load_packs())] == expected
