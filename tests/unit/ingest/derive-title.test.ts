import { describe, expect, test } from 'vitest';
import { deriveTitle, titleCase } from '../../../src/ingest/derive-title.ts';

describe('deriveTitle reads the contribution sentence', () => {
  test.each([
    ['Object detection assumes one distribution. In this work, we aim to improve the cross-domain robustness of object detection. We tackle it.', 'Improving the Cross-Domain Robustness of Object Detection'],
    ['Links matter. In this paper, we propose SEAL (learning from Subgraphs, Embeddings, and Attributes for Link prediction), a new framework for link prediction. It works.', 'SEAL: A Framework for Link Prediction'],
    ['We derive information-theoretic generalization bounds for supervised learning algorithms based on the information contained in predictions. They are tight.', 'Information-Theoretic Generalization Bounds for Supervised Learning Algorithms'],
    ['GNNs are used in power systems. In this paper, a comprehensive overview of graph neural networks (GNNs) in power systems is proposed. We review them.', 'A Survey of Graph Neural Networks in Power Systems'],
    ['DP is useful. To address this issue, we propose to smooth the max operator in the dynamic programming recursion, using a regularizer. It helps.', 'Smoothing the Max Operator in the Dynamic Programming Recursion'],
    ['The generalization mystery in deep learning is the following: why do networks generalize? We argue that gradients matter.', 'The Generalization Mystery in Deep Learning'],
    ['NER is hard. In this paper, we propose DiffusionNER, which formulates the task as a denoising process. It works.', 'DiffusionNER'],
  ])('%#', (abstract, title) => {
    expect(deriveTitle(abstract)).toBe(title);
  });

  test('never ends on a small word and never points back into the abstract', () => {
    const title = deriveTitle('Lottery ticket hypothesis for deep neural networks emphasizes the importance of initialization. In this work, we attempt to provide insights into these phenomena by empirically studying the loss landscape.');
    expect(title).toBe('Lottery Ticket Hypothesis for Deep Neural Networks');
  });
});

describe('titleCase', () => {
  test.each([
    ['a survey of graph neural networks', 'A Survey of Graph Neural Networks'],
    ['SEAL: a framework for MgNO', 'SEAL: A Framework for MgNO'],
    ['an end-to-end trainable framework', 'An End-to-End Trainable Framework'],
  ])('%s → %s', (text, expected) => {
    expect(titleCase(text)).toBe(expected);
  });
});
