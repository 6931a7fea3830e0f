"""The drugs most often prescribed, the names a misheard word most likely stands for when a visit sends no
medication list: the most-dispensed generic names of US outpatient prescribing (the "top 300" lists) with
the brands patients say, and the French ones (generic names as French speakers spell them; the brands are
scribe.notes.medication.FRENCH_BRANDS). Drug-name recovery (scribe.notes.recovery) reads this short list
before the whole drug lexicon (100,000 names, most of them obscure: "prelose" there is Precose, here
Prilosec), so a garble can be read back from what clinics actually prescribe without lowering the bar for
the rest. Names the lexicon does not resolve are dropped where the list is read. Left out: names that
sound like everyday phrases after a cue ("take care of it" is Carafate to the ear, "the last one" Latuda's
lurasidone, "as per" insulin aspart, "active on" Ativan), which read-back by sound alone would turn into a
prescription."""

from __future__ import annotations

COMMON_EN = [  # a name of two words is written with "_"
    name.replace("_", " ")
    for name in """
acetaminophen acyclovir adalimumab albuterol alendronate alfuzosin allopurinol alprazolam amantadine
amiodarone amitriptyline amlodipine amoxicillin amphetamine anastrozole apixaban aripiprazole aspirin
atenolol atomoxetine atorvastatin azelastine azithromycin baclofen beclomethasone benazepril benzonatate
benztropine bisoprolol brimonidine budesonide bumetanide buprenorphine bupropion buspirone butalbital
canagliflozin candesartan captopril carbamazepine carbidopa carisoprodol carvedilol cefdinir ceftriaxone
cefuroxime celecoxib cephalexin cetirizine chlorthalidone cholecalciferol ciprofloxacin citalopram
clarithromycin clindamycin clobetasol clonazepam clonidine clopidogrel clotrimazole colchicine cyanocobalamin
cyclobenzaprine dabigatran dapagliflozin denosumab desvenlafaxine detemir dexamethasone dexmethylphenidate
dextromethorphan diazepam diclofenac dicyclomine digoxin diltiazem diphenhydramine divalproex docusate
donepezil doxazosin doxycycline dulaglutide duloxetine dutasteride empagliflozin enalapril enoxaparin
entacapone eplerenone ergocalciferol escitalopram esomeprazole estradiol eszopiclone etanercept ezetimibe
famciclovir famotidine febuxostat fenofibrate fentanyl fexofenadine finasteride flecainide fluconazole
fluoxetine fluticasone formoterol furosemide gabapentin galantamine gemfibrozil glargine glimepiride glipizide
glucagon glyburide guaifenesin guanfacine haloperidol heparin hydralazine hydrochlorothiazide hydrocodone
hydrocortisone hydromorphone hydroxychloroquine hydroxyzine ibandronate ibuprofen indapamide insulin
ipratropium irbesartan isosorbide ivermectin ketoconazole ketorolac labetalol lacosamide lamotrigine
latanoprost leflunomide levetiracetam levocetirizine levodopa levofloxacin levonorgestrel levothyroxine
lidocaine linagliptin liothyronine liraglutide lisdexamfetamine lisinopril lispro lithium loperamide
loratadine lorazepam losartan lovastatin meclizine medroxyprogesterone melatonin meloxicam
memantine mesalamine metformin methadone methimazole methocarbamol methotrexate methylphenidate
methylprednisolone metoclopramide metolazone metoprolol metronidazole minocycline mirabegron mirtazapine
mometasone montelukast morphine mupirocin naloxone naltrexone naproxen nebivolol nifedipine nitrofurantoin
nitroglycerin norethindrone nortriptyline nystatin olanzapine olmesartan omeprazole ondansetron oseltamivir
oxcarbazepine oxybutynin oxycodone pantoprazole paroxetine penicillin permethrin phenazopyridine phentermine
phenytoin pioglitazone pramipexole pravastatin prazosin prednisolone prednisone pregabalin prochlorperazine
progesterone promethazine propranolol propylthiouracil pseudoephedrine quetiapine quinapril raloxifene
ramipril ranolazine rasagiline risedronate risperidone rivaroxaban rivastigmine rizatriptan ropinirole
rosuvastatin sacubitril salmeterol selegiline semaglutide sertraline sildenafil simvastatin sitagliptin
solifenacin sotalol spironolactone sucralfate sulfamethoxazole sulfasalazine sumatriptan tadalafil tamoxifen
tamsulosin telmisartan temazepam terazosin terbinafine testosterone ticagrelor timolol tiotropium tizanidine
tofacitinib tolterodine topiramate torsemide tramadol trazodone triamcinolone triamterene trimethoprim
umeclidinium valacyclovir valproate valsartan venlafaxine verapamil vilanterol warfarin ziprasidone zolpidem
zonisamide
abilify accupril actonel actos adderall advair advil aldactone aleve altace amaryl ambien amoxil antivert
arava aricept atacand atrovent augmentin avapro avodart azulfidine bactrim basaglar benadryl benicar
bentyl biaxin boniva brilinta bumex buspar bystolic cardizem cardura catapres ceftin celebrex celexa
chantix cialis cipro claritin cleocin colace colcrys combivent compazine concerta coreg coumadin cozaar
crestor cymbalta cytomel demadex depakote desyrel detrol diflucan diovan ditropan dulcolax effexor elavil
eliquis enbrel entresto epipen estrace evista farxiga flagyl flexeril flomax flonase fosamax glucophage
glucotrol humalog humira imitrex imodium inderal indocin invokana januvia jardiance keflex keppra klonopin
lamictal lamisil lanoxin lantus lasix levaquin levemir levoxyl lexapro lialda lipitor lopressor lotensin
lunesta lyrica macrobid medrol micardis miralax mirapex mobic motrin mucinex myrbetriq namenda naprosyn narcan
neurontin nexium nitrostat norco norvasc novolog omnicef ozempic paxil pepcid percocet phenergan plaquenil
plavix pradaxa premarin prilosec prinivil pristiq proair procardia prolia prometrium proscar protonix provera
prozac pulmicort pyridium qvar ranexa reglan remeron requip restoril risperdal ritalin seroquel singulair
spiriva strattera sudafed symbicort synthroid tamiflu tapazole tegretol tenormin tessalon topamax toprol
toradol toujeo tradjenta tresiba tricor trileptal trulicity tylenol uloric ultram unithroid valium valtrex
vasotec ventolin vesicare viagra victoza voltaren vyvanse wellbutrin xanax xarelto xopenex zantac zestril
zetia zithromax zocor zofran zoloft zovirax zyloprim zyprexa zyrtec
biotin folic_acid ferrous_sulfate vitamin_d shingrix
""".split()
]

COMMON_FR = """
paracétamol ibuprofène aspirine amoxicilline codéine tramadol morphine oméprazole ésoméprazole pantoprazole
lansoprazole métformine gliclazide sitagliptine insuline lévothyroxine atorvastatine simvastatine
rosuvastatine pravastatine ramipril périndopril énalapril lisinopril amlodipine losartan valsartan irbésartan
candésartan bisoprolol nébivolol aténolol furosémide hydrochlorothiazide spironolactone apixaban rivaroxaban
warfarine fluindione énoxaparine héparine clopidogrel salbutamol budésonide cétirizine desloratadine
prednisolone prednisone macrogol lopéramide dompéridone métoclopramide phloroglucinol diosmectite
zopiclone zolpidem bromazépam alprazolam lorazépam escitalopram sertraline paroxétine fluoxétine venlafaxine
colchicine allopurinol amiodarone digoxine cholécalciférol prégabaline gabapentine diclofénac kétoprofène
""".split()
