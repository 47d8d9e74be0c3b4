"""Copy detection on short invented articles: every kind of copy, an independent report that is not one,
origins, chains and a late original."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.copies import CopyDetector, aligned_sentences
from storyline.eval.copies import features_of
from storyline.model import Annotation, Document
from storyline.store import Store

WIRE = "\n\n".join([
    'HALBERG (AP) — A road bridge over the Tessel River collapsed early Tuesday, sending two delivery'
    ' trucks into the water and closing the main route between Halberg and the port of Orn, regional '
    'officials said.',
    'Both drivers were pulled from the river by fishermen and taken to Halberg General Hospital, '
    'where one was in serious condition, hospital spokeswoman Ines Vahl said.',
    'The 140-metre bridge was built in 1968 and had been due for repairs since an inspection in March'
    ' found cracks in two of its supports, according to a report published by the regional transport '
    'office.',
    'Transport commissioner Bram Oster told reporters at the scene that the bridge had been open to '
    'light traffic only and that the trucks should not have been on it.',
    '"We will find out why the barriers were not in place," Oster said. He said divers would inspect '
    'the wreckage on Wednesday once the current slowed.',
    'Traffic to Orn was diverted through the hill village of Lumm, adding about forty minutes to the '
    'journey, and ferry operators said they would add three crossings a day.',
    'The collapse is the second on the Tessel in five years, after a footbridge near Orn gave way '
    'during floods in 2019.',
    'Residents of Halberg have asked for years for a new crossing, and the regional council is due to'
    ' vote on its budget next month.',
])

SPUN = "\n\n".join([
    'A motorway bridge across the Tessel River fell down early on Tuesday, dropping two delivery '
    'lorries into the water and shutting the principal route linking Halberg and the harbour of Orn, '
    'regional authorities stated.',
    'Both drivers were rescued from the river by fishermen and brought to Halberg General Hospital, '
    'where one remained in a serious condition, hospital representative Ines Vahl stated.',
    'The bridge, 140 metres long, was constructed in 1968 and had been awaiting repairs ever since an'
    ' inspection in March discovered cracks in two of its supports, as per a report released by the '
    'regional transport office.',
    'Transport commissioner Bram Oster informed journalists at the site that the bridge had been open'
    ' only to light vehicles and that the lorries should never have been on it.',
    '"We will find out why the barriers were not in place," Oster stated. He stated divers would '
    'examine the wreckage on Wednesday after the current calmed down.',
    'Traffic heading to Orn was rerouted through the hillside village of Lumm, adding around forty '
    'minutes to the trip, and ferry companies stated they would add three crossings daily.',
    'Residents of Halberg have for years requested a new crossing, and the regional council will vote'
    ' on its budget next month.',
])

INDEPENDENT = "\n\n".join([
    'ORN — Ferry operators in Orn were scrambling on Tuesday to cope with hundreds of extra '
    'passengers after the collapse of the Tessel road bridge cut the town off from Halberg.',
    '"We had queues down to the fish market by seven o\'clock," said Marta Keel, who runs two boats '
    'across the estuary. Her company plans three more sailings a day until a temporary crossing '
    'opens.',
    'Shopkeepers said deliveries of bread and fuel had not arrived. The detour through Lumm is narrow'
    ' and steep, and several drivers said it took them almost an hour longer.',
    'Two truck drivers were hurt when the span gave way before dawn. One of them, a 52-year-old from '
    'Orn, was still in hospital on Tuesday evening, his family said.',
    'Engineers had warned last spring that the supports were cracked. Local councillor Piet Dorr said'
    ' the transport office had known about the danger for months and done nothing.',
    'The transport office did not respond to questions about the inspection. Divers are expected to '
    'examine the wreckage later in the week.',
])


def doc(doc_id: str, text: str, published: str | None = "2024-05-14", origin: str | None = None) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.txt", raw_text=text, text=text, published=published,
                    origin=origin, outlet=f"outlet-{doc_id}")


def syndicated_text() -> str:
    paragraphs = WIRE.split("\n\n")
    return "\n\n".join(["Two trucks plunge into Tessel as Halberg bridge gives way", *paragraphs[:-2]])


def near_text() -> str:
    edited = WIRE.replace("early Tuesday", "early on Tuesday").replace("fishermen", "local fishermen")
    return edited + "\n\nFollow us for the latest updates."


@pytest.fixture(scope="module")
def features(embedder):
    texts = {"wire": WIRE, "spun": SPUN, "independent": INDEPENDENT, "syndicated": syndicated_text(),
             "near": near_text()}
    return features_of([doc(name, text) for name, text in texts.items()])


def detect(features, *docs: Document) -> CopyDetector:
    detector = CopyDetector([], {})
    for d in docs:
        detector.assign(d, features[d.id])
    return detector


def test_exact_republication(features):
    original, copy = doc("wire", WIRE), doc("wire", WIRE)
    copy.id = "republished"
    detector = CopyDetector([], {})
    detector.assign(original, features["wire"])
    detector.assign(copy, features["wire"])
    assert (copy.copy_of, copy.copy_kind) == ("wire", "exact")


def test_near_copy(features):
    original, copy = doc("wire", WIRE), doc("near", near_text())
    detect(features, original, copy)
    assert (copy.copy_of, copy.copy_kind) == ("wire", "near")


def test_syndicated_copy_with_new_headline_and_trimmed_end(features):
    original, copy = doc("wire", WIRE), doc("syndicated", syndicated_text())
    detect(features, original, copy)
    assert (copy.copy_of, copy.copy_kind) == ("wire", "syndicated")


def test_spun_paraphrase(features):
    original, copy = doc("wire", WIRE), doc("spun", SPUN, published=None)
    detect(features, original, copy)
    assert (copy.copy_of, copy.copy_kind) == ("wire", "paraphrase")


def test_independent_report_of_the_same_event_is_not_a_copy(features):
    original, other = doc("wire", WIRE), doc("independent", INDEPENDENT)
    detect(features, original, other)
    assert other.copy_of is None and other.copy_kind is None


def test_copy_inherits_the_origin_of_its_original(features):
    original, copy = doc("wire", WIRE, origin="AP"), doc("spun", SPUN, origin=None)
    detect(features, original, copy)
    assert copy.origin == "AP"


def test_origin_found_in_a_copy_goes_to_the_whole_family(features):
    original, copy = doc("wire", WIRE), doc("syndicated", syndicated_text(), origin="AP")
    detector = CopyDetector([], {})
    detector.assign(original, features["wire"])
    changed = detector.assign(copy, features["syndicated"])
    assert original.origin == "AP" and changed == [original]


def test_copy_of_a_copy_points_to_the_root(features):
    original, first = doc("wire", WIRE), doc("syndicated", syndicated_text(), published="2024-05-15")
    second = doc("resyndicated", syndicated_text(), published="2024-05-16")
    second.text = first.text.replace("Two trucks plunge", "Trucks plunge")
    detector = CopyDetector([], {})
    detector.assign(original, features["wire"])
    detector.assign(first, features["syndicated"])
    assert detector.find(second, features["syndicated"])[0] == "syndicated"
    detector.assign(second, features["syndicated"])
    assert first.copy_of == "wire" and second.copy_of == "wire"


def test_an_earlier_original_arriving_later_becomes_the_root(features):
    copy = doc("syndicated", syndicated_text(), published="2024-05-15", origin="AP")
    spun = doc("spun", SPUN, published="2024-05-16")
    original = doc("wire", WIRE, published="2024-05-14")
    detector = detect(features, copy, spun)
    assert spun.copy_of == "syndicated"
    changed = detector.assign(original, features["wire"])
    assert original.copy_of is None and original.origin == "AP"
    assert {d.id for d in changed} == {"syndicated", "spun"}
    assert (copy.copy_of, copy.copy_kind) == ("wire", "syndicated") and spun.copy_of == "wire"


def test_stored_documents_are_indexed_without_their_sentence_vectors(features):
    store = Store()
    original = doc("wire", WIRE, origin="AP")
    with store.transaction():
        store.add_documents([(original, Annotation(document="wire"), features["wire"])])
    stored = store.documents()
    detector = CopyDetector.from_store(store, stored)
    assert detector.recent == {}
    copy = doc("spun", SPUN)
    detector.assign(copy, features["spun"])
    assert (copy.copy_of, copy.copy_kind, copy.origin) == ("wire", "paraphrase", "AP")


def test_a_batch_reads_the_stored_vectors_its_checks_compare_in_one_query(features):
    store = Store()
    with store.transaction():
        store.add_documents([(doc("wire", WIRE), Annotation(document="wire"), features["wire"])])
    detector = CopyDetector.from_store(store, store.documents())
    reads: list[list[str]] = []

    def counted(ids: list[str]) -> dict[str, np.ndarray]:
        reads.append(ids)
        return store.sentence_vectors(ids)

    detector.load_sentence_vectors = counted
    batch = [doc("spun", SPUN), doc("independent", INDEPENDENT)]
    detector.read_batch_candidates(features[d.id] for d in batch)
    assert reads == [["wire"]]
    for d in batch:
        detector.assign(d, features[d.id])
    assert reads == [["wire"]]  # the paraphrase check took them from what the batch read
    assert (batch[0].copy_of, batch[0].copy_kind) == ("wire", "paraphrase") and batch[1].copy_of is None


def test_alignment_counts_sentences_in_order_only():
    vectors = np.eye(6, dtype=np.float32)
    assert aligned_sentences(vectors, vectors) == 6
    assert aligned_sentences(vectors, vectors[::-1]) == 1
    assert aligned_sentences(vectors[[0, 2, 1, 3, 4, 5]], vectors) == 5
