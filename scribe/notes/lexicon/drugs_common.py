"""The drugs most often prescribed, the names a misheard word most likely stands for when a visit sends no
medication list: the most-dispensed generic names of US outpatient prescribing (the "top 300" lists) with
the brands patients say, and the French ones (generic names as French speakers spell them; the brands are
scribe.notes.medication.FRENCH_BRANDS). Drug-name recovery (scribe.notes.recovery) reads this short list
before the whole drug lexicon (100,000 names, most of them obscure: "prelose" there is Precose, here
Prilosec), so a garble can be read back from what clinics actually prescribe without lowering the bar for
the rest. Names the lexicon does not resolve are dropped where the list is read."""

from __future__ import annotations

COMMON_EN = """
acetaminophen acyclovir adalimumab albuterol alendronate allopurinol alprazolam amiodarone amitriptyline
amlodipine amoxicillin amphetamine anastrozole apixaban aripiprazole aspirin atenolol atomoxetine
atorvastatin azelastine azithromycin baclofen beclomethasone benazepril benzonatate bisoprolol brimonidine
budesonide bumetanide buprenorphine bupropion buspirone canagliflozin carbamazepine carbidopa carvedilol
cefdinir cefuroxime celecoxib cephalexin cetirizine chlorthalidone cholecalciferol ciprofloxacin citalopram
clindamycin clobetasol clonazepam clonidine clopidogrel clotrimazole colchicine cyanocobalamin
cyclobenzaprine dabigatran dapagliflozin desvenlafaxine dexamethasone dexmethylphenidate diazepam
diclofenac dicyclomine digoxin diltiazem diphenhydramine divalproex docusate donepezil doxazosin
doxycycline dulaglutide duloxetine empagliflozin enalapril enoxaparin ergocalciferol escitalopram
esomeprazole estradiol eszopiclone ezetimibe famotidine febuxostat fenofibrate fentanyl fexofenadine
finasteride fluconazole fluoxetine fluticasone furosemide gabapentin gemfibrozil glimepiride glipizide
glyburide guaifenesin haloperidol heparin hydralazine hydrochlorothiazide hydrocodone hydrocortisone
hydromorphone hydroxychloroquine hydroxyzine ibuprofen insulin ipratropium irbesartan isosorbide
ketoconazole ketorolac labetalol lacosamide lamotrigine latanoprost levetiracetam levocetirizine
levofloxacin levothyroxine lidocaine linagliptin liraglutide lisinopril lithium loperamide loratadine
lorazepam losartan lovastatin meclizine medroxyprogesterone meloxicam memantine metformin methadone
methocarbamol methotrexate methylphenidate methylprednisolone metoclopramide metolazone metoprolol
metronidazole minocycline mirabegron mirtazapine mometasone montelukast morphine mupirocin naloxone
naltrexone naproxen nebivolol nifedipine nitrofurantoin nitroglycerin norethindrone nortriptyline nystatin
olanzapine olmesartan omeprazole ondansetron oseltamivir oxcarbazepine oxybutynin oxycodone pantoprazole
paroxetine penicillin phentermine phenytoin pioglitazone pramipexole pravastatin prazosin
prednisolone prednisone pregabalin progesterone promethazine propranolol quetiapine ramipril ranolazine
risperidone rivaroxaban rizatriptan ropinirole rosuvastatin sacubitril salmeterol semaglutide sertraline
sildenafil simvastatin sitagliptin solifenacin spironolactone sucralfate sulfamethoxazole sumatriptan
tadalafil tamoxifen tamsulosin temazepam terazosin terbinafine testosterone ticagrelor timolol tiotropium
tizanidine topiramate torsemide tramadol trazodone triamcinolone triamterene trimethoprim valacyclovir
valsartan venlafaxine verapamil warfarin zolpidem
adderall advair advil aldactone aleve ambien ativan augmentin bactrim benadryl brilinta celebrex cialis
cipro claritin coreg coumadin cozaar crestor cymbalta diovan effexor eliquis entresto farxiga flexeril
flomax flonase humalog januvia jardiance keflex keppra klonopin lamictal lantus lasix levaquin lexapro
lipitor lopressor lyrica medrol mobic motrin neurontin nexium norco norvasc novolog ozempic pepcid
percocet plavix prilosec prinivil proair protonix prozac seroquel singulair spiriva symbicort synthroid
tamiflu tenormin toprol trulicity tylenol ultram valium valtrex ventolin viagra wellbutrin xanax xarelto
zestril zithromax zocor zofran zoloft zyrtec
""".split()

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
